using Governance.Domain.Catalog;

namespace Governance.Integrations.Generation;

/// <summary>Draws footprints, data stores and operational facts; critical tiers run wider and are known better, but not always.</summary>
internal static class ServiceFactsGenerator
{
    private static readonly (string Engine, AvailabilityPrimitive Primitive)[] _stores =
    [
        ("postgres", AvailabilityPrimitive.ZoneReplicatedDatabase),
        ("mysql", AvailabilityPrimitive.ZoneReplicatedDatabase),
        ("redis", AvailabilityPrimitive.InMemoryDistributed),
        ("kafka", AvailabilityPrimitive.DistributedQueue),
        ("sqs", AvailabilityPrimitive.DistributedQueue),
        ("spanner", AvailabilityPrimitive.RegionReplicatedDatabase),
        ("cassandra", AvailabilityPrimitive.RegionReplicatedDatabase),
        ("sqlite", AvailabilityPrimitive.SingleInstance),
    ];

    private static readonly double[] _storeWeights = [25, 20, 18, 12, 8, 5, 7, 5];
    private static readonly double[] _failoverWeights = [20, 40, 40];

    public static Footprint? Footprint(int? tier, Random random)
    {
        if (random.Chance(0.08))
        {
            return null;
        }

        var critical = tier is 0 or 1;
        var hosts = critical ? random.Next(6, 61) : random.Next(1, 13);
        var zones = Math.Min(hosts, critical ? random.Next(2, 4) : random.Next(1, 4));
        var regions = Math.Min(zones, critical && random.Chance(0.5) ? random.Next(2, 4) : random.Chance(0.1) ? 2 : 1);
        var providers = regions >= 2 && random.Chance(0.05) ? 2 : 1;
        return new Footprint(hosts, zones, regions, providers);
    }

    public static IReadOnlyList<DataStore> DataStores(Random random)
    {
        var count = random.Weighted([40, 45, 15]);
        var stores = new List<DataStore>(count);
        for (var k = 0; k < count; k++)
        {
            var (engine, primitive) = _stores[random.Weighted(_storeWeights)];
            stores.Add(new DataStore($"{engine}-{k + 1}", engine, primitive)
            {
                UnitOfFailureOverride = random.Chance(0.05) ? random.Pick([UnitOfFailure.Host, UnitOfFailure.Zone]) : null,
            });
        }

        return stores;
    }

    public static OperationalFacts Facts(int? tier, Random random)
    {
        if (random.Chance(0.12))
        {
            return OperationalFacts.Unknown;
        }

        var known = tier is 0 or 1 ? 0.85 : 0.65;
        return new OperationalFacts
        {
            Autoscaling = random.Chance(known) ? Autoscaling(random) : null,
            Failover = random.Chance(known) ? Failover(random) : null,
            ManualDeploySteps = random.Maybe(known, () => random.Chance(0.6) ? 0 : random.Next(1, 6)),
            ManualRunbookSteps = random.Maybe(known - 0.15, () => random.Next(0, 9)),
            Environments = random.Chance(0.85) ? Environments(random) : [],
            PerformanceTestEnvironments = random.Chance(0.5) ? [.. new[] { DeploymentEnvironment.Integration, DeploymentEnvironment.Staging }.Where(_ => random.Chance(0.6))] : [],
            LearningModeLaunches = random.Maybe(0.5, () => random.Chance(0.3)),
            TracingCoveragePercent = random.Maybe(known, () => random.Next(0, 21) * 5),
            PerCustomerSlaAlerting = random.Maybe(0.55, () => random.Chance(0.4)),
            LastChaosExperiment = random.Maybe(0.35, () => random.DaysAgo(900)),
            LastGameDay = random.Maybe(0.3, () => random.DaysAgo(1100)),
            LastDrTest = random.Maybe(0.45, () => random.DaysAgo(1500)),
        };
    }

    private static Autoscaling Autoscaling(Random random)
    {
        if (!random.Chance(0.85))
        {
            return new Autoscaling(false);
        }

        var min = random.Next(1, 7);
        return new Autoscaling(true)
        {
            ReactionSeconds = random.Maybe(0.8, () => random.Next(30, 901)),
            MinInstances = min,
            MaxInstances = min * random.Next(1, 11),
        };
    }

    private static Failover Failover(Random random)
    {
        var mechanism = (FailoverMechanism)random.Weighted(_failoverWeights);
        return new Failover(mechanism)
        {
            LastExercised = mechanism == FailoverMechanism.None ? null : random.Maybe(0.7, () => random.DaysAgo(1400)),
        };
    }

    private static IReadOnlyList<DeploymentEnvironment> Environments(Random random)
    {
        var environments = new List<DeploymentEnvironment>(4);
        foreach (var environment in new[] { DeploymentEnvironment.Development, DeploymentEnvironment.Integration, DeploymentEnvironment.Staging })
        {
            if (random.Chance(0.7))
            {
                environments.Add(environment);
            }
        }

        environments.Add(DeploymentEnvironment.Production);
        return environments;
    }
}
