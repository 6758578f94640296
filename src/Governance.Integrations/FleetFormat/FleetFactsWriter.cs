using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Integrations.FleetFormat;

/// <summary>Writes a service's operational facts; unknown (null) facts are left out, so they read back as unknown.</summary>
internal static class FleetFactsWriter
{
    public static void Write(YamlBlockWriter block, OperationalFacts facts)
    {
        if (IsUnknown(facts))
        {
            return;
        }

        block.Key("facts");
        var fields = new YamlBlockWriter(block.Writer);
        fields.StartMapping(block.Indent + "  ");
        if (facts.Autoscaling is { } scaling)
        {
            fields.Raw("autoscaling", new FlowMapping().Add("enabled", scaling.Enabled).Add("reactionSeconds", scaling.ReactionSeconds)
                .Add("minInstances", scaling.MinInstances).Add("maxInstances", scaling.MaxInstances).ToString());
        }

        if (facts.Failover is { } failover)
        {
            fields.Raw("failover", new FlowMapping().Add("mechanism", KebabNames<FailoverMechanism>.Of(failover.Mechanism))
                .Add("lastExercised", failover.LastExercised).ToString());
        }

        fields.Field("manualDeploySteps", facts.ManualDeploySteps);
        fields.Field("manualRunbookSteps", facts.ManualRunbookSteps);
        fields.FlowList("environments", facts.Environments.Select(KebabNames<DeploymentEnvironment>.Of));
        fields.FlowList("performanceTestEnvironments", facts.PerformanceTestEnvironments.Select(KebabNames<DeploymentEnvironment>.Of));
        fields.Field("learningModeLaunches", facts.LearningModeLaunches);
        fields.Field("tracingCoveragePercent", facts.TracingCoveragePercent);
        fields.Field("perCustomerSlaAlerting", facts.PerCustomerSlaAlerting);
        fields.Field("lastChaosExperiment", facts.LastChaosExperiment);
        fields.Field("lastGameDay", facts.LastGameDay);
        fields.Field("lastDrTest", facts.LastDrTest);
    }

    private static bool IsUnknown(OperationalFacts facts) =>
        facts.Autoscaling is null && facts.Failover is null && facts.ManualDeploySteps is null && facts.ManualRunbookSteps is null
        && facts.Environments.Count == 0 && facts.PerformanceTestEnvironments.Count == 0 && facts.LearningModeLaunches is null
        && facts.TracingCoveragePercent is null && facts.PerCustomerSlaAlerting is null && facts.LastChaosExperiment is null
        && facts.LastGameDay is null && facts.LastDrTest is null;
}
