using Governance.Domain.Catalog;

namespace Governance.Policies.Tests.Support;

/// <summary>
/// Services and edges that no shipped policy finds fault with, so that a test changes exactly the fact its policy is about.
/// Dates are relative to <see cref="TestFleet.AuditDay"/>.
/// </summary>
public static class Healthy
{
    public static ServiceState Service(string id, int? tier = 1) => new(Profile(id, tier))
    {
        Footprint = new Footprint(Hosts: 6, Zones: 3, Regions: 2, Providers: 1),
        DataStores = [new DataStore($"{id}-db", "postgresql", AvailabilityPrimitive.RegionReplicatedDatabase)],
        Facts = Facts,
    };

    public static ServiceProfile Profile(string id, int? tier) => new(id, id.ToUpperInvariant())
    {
        Tier = tier,
        Owner = "team-a",
        Lifecycle = "production",
        Products = ["messaging"],
        Runbook = $"https://runbooks.example.com/{id}",
        OnCall = $"{id}-primary",
        Repository = $"https://git.example.com/{id}",
    };

    /// <summary>A call with a timeout, a client cache, graceful degradation and a circuit breaker.</summary>
    public static Dependency Edge(string target) => new(target)
    {
        TimeoutMs = 200,
        ClientCache = true,
        GracefulDegradation = true,
        CircuitBreaker = true,
        Retries = 1,
    };

    public static OperationalFacts Facts { get; } = new()
    {
        Autoscaling = new Autoscaling(true) { ReactionSeconds = 60, MinInstances = 3, MaxInstances = 30 },
        Failover = new Failover(FailoverMechanism.Automatic) { LastExercised = TestFleet.AuditDay.AddDays(-30) },
        ManualDeploySteps = 0,
        ManualRunbookSteps = 0,
        Environments = [DeploymentEnvironment.Development, DeploymentEnvironment.Integration, DeploymentEnvironment.Staging, DeploymentEnvironment.Production],
        PerformanceTestEnvironments = [DeploymentEnvironment.Integration, DeploymentEnvironment.Staging],
        LearningModeLaunches = true,
        TracingCoveragePercent = 90,
        PerCustomerSlaAlerting = true,
        LastChaosExperiment = TestFleet.AuditDay.AddDays(-20),
        LastGameDay = TestFleet.AuditDay.AddDays(-40),
        LastDrTest = TestFleet.AuditDay.AddDays(-60),
    };
}
