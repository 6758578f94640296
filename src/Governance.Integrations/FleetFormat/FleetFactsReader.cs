using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads a fleet service's footprint, data stores and operational facts.</summary>
internal static class FleetFactsReader
{
    private static readonly KeySet _footprintKeys = new("hosts", "zones", "regions", "providers");
    private static readonly KeySet _storeKeys = new("name", "engine", "primitive", "unitOfFailureOverride");
    private static readonly KeySet _autoscalingKeys = new("enabled", "reactionSeconds", "minInstances", "maxInstances");
    private static readonly KeySet _failoverKeys = new("mechanism", "lastExercised");
    private static readonly KeySet _factKeys = new(
        "autoscaling", "failover", "manualDeploySteps", "manualRunbookSteps", "environments", "performanceTestEnvironments",
        "learningModeLaunches", "tracingCoveragePercent", "perCustomerSlaAlerting", "lastChaosExperiment", "lastGameDay", "lastDrTest");

    /// <summary>The footprint; null when absent or when a count is missing or ill-typed (already reported).</summary>
    public static Footprint? Footprint(FieldReader reader, YamlMapping service, string path)
    {
        if (reader.Mapping(service, "footprint", path) is not { } map)
        {
            return null;
        }

        var footprintPath = FieldReader.Join(path, "footprint");
        reader.CheckKeys(map, footprintPath, _footprintKeys);
        var hosts = Count(reader, map, "hosts", footprintPath);
        var zones = Count(reader, map, "zones", footprintPath);
        var regions = Count(reader, map, "regions", footprintPath);
        var providers = Count(reader, map, "providers", footprintPath);
        return hosts is { } h && zones is { } z && regions is { } r && providers is { } p ? new Footprint(h, z, r, p) : null;
    }

    public static IReadOnlyList<DataStore>? DataStores(FieldReader reader, YamlMapping service, string path)
    {
        if (reader.Sequence(service, "dataStores", path) is not { } sequence)
        {
            return null;
        }

        var stores = new List<DataStore>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var storePath = $"{FieldReader.Join(path, "dataStores")}[{i}]";
            if (sequence.Items[i] is not YamlMapping map)
            {
                reader.Error(sequence.Items[i], storePath, $"must be a mapping with name, engine and primitive, was {sequence.Items[i].Describe}");
                stores.Add(new DataStore(string.Empty, string.Empty, AvailabilityPrimitive.SingleInstance));
                continue;
            }

            reader.CheckKeys(map, storePath, _storeKeys);
            var name = reader.RequiredString(map, "name", storePath);
            var engine = reader.RequiredString(map, "engine", storePath);
            var primitive = reader.Require(map, "primitive", storePath) ? reader.Enum<AvailabilityPrimitive>(map, "primitive", storePath) : null;
            stores.Add(new DataStore(name, engine, primitive ?? AvailabilityPrimitive.SingleInstance)
            {
                UnitOfFailureOverride = reader.Enum<UnitOfFailure>(map, "unitOfFailureOverride", storePath),
            });
        }

        return stores;
    }

    public static OperationalFacts? Facts(FieldReader reader, YamlMapping service, string path)
    {
        if (reader.Mapping(service, "facts", path) is not { } map)
        {
            return null;
        }

        var factsPath = FieldReader.Join(path, "facts");
        reader.CheckKeys(map, factsPath, _factKeys);
        return new OperationalFacts
        {
            Autoscaling = Autoscaling(reader, map, factsPath),
            Failover = Failover(reader, map, factsPath),
            ManualDeploySteps = reader.Int(map, "manualDeploySteps", factsPath),
            ManualRunbookSteps = reader.Int(map, "manualRunbookSteps", factsPath),
            Environments = reader.EnumList<DeploymentEnvironment>(map, "environments", factsPath),
            PerformanceTestEnvironments = reader.EnumList<DeploymentEnvironment>(map, "performanceTestEnvironments", factsPath),
            LearningModeLaunches = reader.Bool(map, "learningModeLaunches", factsPath),
            TracingCoveragePercent = reader.Int(map, "tracingCoveragePercent", factsPath, "a whole percentage from 0 to 100"),
            PerCustomerSlaAlerting = reader.Bool(map, "perCustomerSlaAlerting", factsPath),
            LastChaosExperiment = reader.Date(map, "lastChaosExperiment", factsPath),
            LastGameDay = reader.Date(map, "lastGameDay", factsPath),
            LastDrTest = reader.Date(map, "lastDrTest", factsPath),
        };
    }

    private static Autoscaling? Autoscaling(FieldReader reader, YamlMapping facts, string path)
    {
        if (reader.Mapping(facts, "autoscaling", path) is not { } map)
        {
            return null;
        }

        var scalingPath = FieldReader.Join(path, "autoscaling");
        reader.CheckKeys(map, scalingPath, _autoscalingKeys);
        var enabled = reader.Require(map, "enabled", scalingPath) ? reader.Bool(map, "enabled", scalingPath) : null;
        var reaction = reader.Int(map, "reactionSeconds", scalingPath);
        var min = reader.Int(map, "minInstances", scalingPath);
        var max = reader.Int(map, "maxInstances", scalingPath);
        return enabled is { } on ? new Autoscaling(on) { ReactionSeconds = reaction, MinInstances = min, MaxInstances = max } : null;
    }

    private static Failover? Failover(FieldReader reader, YamlMapping facts, string path)
    {
        if (reader.Mapping(facts, "failover", path) is not { } map)
        {
            return null;
        }

        var failoverPath = FieldReader.Join(path, "failover");
        reader.CheckKeys(map, failoverPath, _failoverKeys);
        var mechanism = reader.Require(map, "mechanism", failoverPath) ? reader.Enum<FailoverMechanism>(map, "mechanism", failoverPath) : null;
        var lastExercised = reader.Date(map, "lastExercised", failoverPath);
        return mechanism is { } kind ? new Failover(kind) { LastExercised = lastExercised } : null;
    }

    private static int? Count(FieldReader reader, YamlMapping map, string key, string path) =>
        reader.Require(map, key, path) ? reader.Int(map, key, path) : null;
}
