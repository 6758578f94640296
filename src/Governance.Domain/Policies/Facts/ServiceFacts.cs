using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Domain.Policies;

/// <summary>The service facts: its profile, footprint, stores, operational facts and tier target.</summary>
internal static class ServiceFacts
{
    public static IEnumerable<FactDefinition> All() =>
    [
        .. Profile(),
        Define.Unit("exposure", FactScope.Service, "the smallest unit of failure whose loss takes it down; unknown without a footprint",
            c => c.Service.Footprint?.Exposure),
        Define.Number("footprint.hosts", FactScope.Service, "hosts it runs on", c => c.Service.Footprint?.Hosts),
        Define.Number("footprint.zones", FactScope.Service, "zones it spans", c => c.Service.Footprint?.Zones),
        Define.Number("footprint.regions", FactScope.Service, "regions it spans", c => c.Service.Footprint?.Regions),
        Define.Number("footprint.providers", FactScope.Service, "cloud providers it spans", c => c.Service.Footprint?.Providers),
        .. Operations(),
        Define.Unit("weakestDataStore", FactScope.Service, "the smallest unit of failure among its data stores; unknown without stores",
            c => WeakestStore(c.Service.DataStores)),
        Define.Unit("tierTarget.mustSurvive", FactScope.Service, "the unit of failure its tier must survive", c => c.TierTarget?.MustSurvive),
        Define.Number("tierTarget.rtoMinutes", FactScope.Service, "its tier's recovery time objective, in minutes", c => c.TierTarget?.RtoMinutes),
        Define.Number("tierTarget.rpoMinutes", FactScope.Service, "its tier's recovery point objective, in minutes", c => c.TierTarget?.RpoMinutes),
    ];

    private static IEnumerable<FactDefinition> Profile() =>
    [
        Define.Text("id", FactScope.Service, "the service's id", c => c.Service.Id),
        Define.Text("name", FactScope.Service, "its display name", c => c.Service.Profile.Name),
        Define.Text("owner", FactScope.Service, "the owning team", c => c.Service.Profile.Owner),
        Define.Text("system", FactScope.Service, "the system it belongs to", c => c.Service.Profile.System),
        Define.Text("lifecycle", FactScope.Service, "experimental, production, deprecated, …", c => c.Service.Profile.Lifecycle),
        Define.Text("kind", FactScope.Service, "component or resource", c => c.Service.Profile.Kind),
        Define.Text("type", FactScope.Service, "service, website, database, queue, …", c => c.Service.Profile.Type),
        Define.Number("tier", FactScope.Service, "0 (critical path of customer traffic) … 3 (internal tooling); unknown when unclassified",
            c => c.Service.Profile.Tier),
        Define.List("tags", FactScope.Service, "its tags", c => c.Service.Profile.Tags),
        Define.List("products", FactScope.Service, "the products it serves", c => c.Service.Profile.Products),
        Define.List("providesApis", FactScope.Service, "the APIs it provides", c => c.Service.Profile.ProvidesApis),
        Define.Bool("hasRunbook", FactScope.Service, "its profile names a runbook", c => !string.IsNullOrWhiteSpace(c.Service.Profile.Runbook)),
        Define.Bool("hasOnCall", FactScope.Service, "its profile names an on-call rotation", c => !string.IsNullOrWhiteSpace(c.Service.Profile.OnCall)),
        Define.Bool("hasRepository", FactScope.Service, "its profile names a repository", c => !string.IsNullOrWhiteSpace(c.Service.Profile.Repository)),
    ];

    private static IEnumerable<FactDefinition> Operations() =>
    [
        Define.Bool("autoscaling.enabled", FactScope.Service, "it adds capacity under load by itself", c => c.Service.Facts.Autoscaling?.Enabled),
        Define.Number("autoscaling.reactionSeconds", FactScope.Service, "seconds from a load spike to new capacity serving traffic",
            c => c.Service.Facts.Autoscaling?.ReactionSeconds),
        Define.Number("autoscaling.minInstances", FactScope.Service, "the fewest instances it scales down to", c => c.Service.Facts.Autoscaling?.MinInstances),
        Define.Number("autoscaling.maxInstances", FactScope.Service, "the most instances it scales up to", c => c.Service.Facts.Autoscaling?.MaxInstances),
        Define.Text("failover.mechanism", FactScope.Service, "none, manual or automatic",
            c => c.Service.Facts.Failover is { } failover ? KebabNames<FailoverMechanism>.Of(failover.Mechanism) : null),
        Define.Date("failover.lastExercised", FactScope.Service, "when failover last ran for real", c => c.Service.Facts.Failover?.LastExercised),
        Define.Number("manualDeploySteps", FactScope.Service, "manual steps in a deploy; 0 is fully automated", c => c.Service.Facts.ManualDeploySteps),
        Define.Number("manualRunbookSteps", FactScope.Service, "manual steps in the runbook to restore or scale it", c => c.Service.Facts.ManualRunbookSteps),
        Define.Enums("environments", FactScope.Service, "the environments a change moves through: development, integration, staging, production",
            c => c.Service.Facts.Environments),
        Define.Enums("performanceTestEnvironments", FactScope.Service, "the environments where performance tests run",
            c => c.Service.Facts.PerformanceTestEnvironments),
        Define.Bool("learningModeLaunches", FactScope.Service, "new features launch in learning mode first", c => c.Service.Facts.LearningModeLaunches),
        Define.Bool("perCustomerSlaAlerting", FactScope.Service, "alerts fire on one customer's SLA", c => c.Service.Facts.PerCustomerSlaAlerting),
        Define.Number("tracingCoveragePercent", FactScope.Service, "share of requests traced end to end, 0–100", c => c.Service.Facts.TracingCoveragePercent),
        Define.Date("lastChaosExperiment", FactScope.Service, "when a chaos experiment last ran against it", c => c.Service.Facts.LastChaosExperiment),
        Define.Date("lastGameDay", FactScope.Service, "when a GameDay last exercised it", c => c.Service.Facts.LastGameDay),
        Define.Date("lastDrTest", FactScope.Service, "when its disaster recovery was last tested", c => c.Service.Facts.LastDrTest),
        Define.Date("lastResilienceExercise", FactScope.Service, "the later of the last chaos experiment and GameDay",
            c => Later(c.Service.Facts.LastChaosExperiment, c.Service.Facts.LastGameDay)),
    ];

    private static DateOnly? Later(DateOnly? first, DateOnly? second) =>
        first is null ? second : second is null ? first : first > second ? first : second;

    private static UnitOfFailure? WeakestStore(IReadOnlyList<DataStore> stores)
    {
        UnitOfFailure? weakest = null;
        for (var i = 0; i < stores.Count; i++)
        {
            var unit = stores[i].UnitOfFailure;
            if (weakest is null || unit < weakest)
            {
                weakest = unit;
            }
        }

        return weakest;
    }
}
