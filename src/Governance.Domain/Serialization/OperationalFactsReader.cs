using System.Text.Json;
using Governance.Domain.Catalog;

namespace Governance.Domain.Serialization;

/// <summary>Reads <see cref="OperationalFacts"/> for <see cref="ServiceStateReader"/>.</summary>
internal static class OperationalFactsReader
{
    public static OperationalFacts Facts(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        Autoscaling? autoscaling = null;
        Failover? failover = null;
        int? deploySteps = null, runbookSteps = null, tracing = null;
        IReadOnlyList<DeploymentEnvironment> environments = [], performanceTests = [];
        bool? learningMode = null, perCustomerAlerting = null;
        DateOnly? chaos = null, gameDay = null, drTest = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("autoscaling"u8))
            {
                autoscaling = reader.NextObject(Autoscaling);
            }
            else if (reader.ValueTextEquals("failover"u8))
            {
                failover = reader.NextObject(Failover);
            }
            else if (reader.ValueTextEquals("manualDeploySteps"u8))
            {
                deploySteps = reader.NextNullableInt();
            }
            else if (reader.ValueTextEquals("manualRunbookSteps"u8))
            {
                runbookSteps = reader.NextNullableInt();
            }
            else if (reader.ValueTextEquals("environments"u8))
            {
                environments = reader.NextArray(JsonValues.OnEnum<DeploymentEnvironment>);
            }
            else if (reader.ValueTextEquals("performanceTestEnvironments"u8))
            {
                performanceTests = reader.NextArray(JsonValues.OnEnum<DeploymentEnvironment>);
            }
            else if (reader.ValueTextEquals("learningModeLaunches"u8))
            {
                learningMode = reader.NextNullableBool();
            }
            else if (reader.ValueTextEquals("tracingCoveragePercent"u8))
            {
                tracing = reader.NextNullableInt();
            }
            else if (reader.ValueTextEquals("perCustomerSlaAlerting"u8))
            {
                perCustomerAlerting = reader.NextNullableBool();
            }
            else if (reader.ValueTextEquals("lastChaosExperiment"u8))
            {
                chaos = reader.NextNullableDate();
            }
            else if (reader.ValueTextEquals("lastGameDay"u8))
            {
                gameDay = reader.NextNullableDate();
            }
            else if (reader.ValueTextEquals("lastDrTest"u8))
            {
                drTest = reader.NextNullableDate();
            }
            else
            {
                reader.Skip();
            }
        }

        return new OperationalFacts
        {
            Autoscaling = autoscaling,
            Failover = failover,
            ManualDeploySteps = deploySteps,
            ManualRunbookSteps = runbookSteps,
            Environments = environments,
            PerformanceTestEnvironments = performanceTests,
            LearningModeLaunches = learningMode,
            TracingCoveragePercent = tracing,
            PerCustomerSlaAlerting = perCustomerAlerting,
            LastChaosExperiment = chaos,
            LastGameDay = gameDay,
            LastDrTest = drTest,
        };
    }

    private static Autoscaling Autoscaling(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        var enabled = false;
        int? reaction = null, min = null, max = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("enabled"u8))
            {
                enabled = reader.NextBool();
            }
            else if (reader.ValueTextEquals("reactionSeconds"u8))
            {
                reaction = reader.NextNullableInt();
            }
            else if (reader.ValueTextEquals("minInstances"u8))
            {
                min = reader.NextNullableInt();
            }
            else if (reader.ValueTextEquals("maxInstances"u8))
            {
                max = reader.NextNullableInt();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Autoscaling(enabled) { ReactionSeconds = reaction, MinInstances = min, MaxInstances = max };
    }

    private static Failover Failover(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        var mechanism = default(FailoverMechanism);
        DateOnly? exercised = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("mechanism"u8))
            {
                mechanism = reader.NextEnum<FailoverMechanism>();
            }
            else if (reader.ValueTextEquals("lastExercised"u8))
            {
                exercised = reader.NextNullableDate();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Failover(mechanism) { LastExercised = exercised };
    }
}
