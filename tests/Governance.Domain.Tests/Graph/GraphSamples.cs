using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using Governance.Domain.Policies;

namespace Governance.Domain.Tests.Graph;

/// <summary>Small fleets for graph tests: services with plain (hard) edges unless told otherwise.</summary>
internal static class GraphSamples
{
    public static readonly TierTargets Targets = new(
    [
        new TierTarget(0, 30, 5, UnitOfFailure.Region),
        new TierTarget(1, 60, 15, UnitOfFailure.Zone),
        new TierTarget(2, 240, 60, UnitOfFailure.Zone),
        new TierTarget(3, 1440, 1440, UnitOfFailure.Host),
    ]);

    /// <summary>A tier-1 service with a default (hard) dependency on each of <paramref name="targets"/>.</summary>
    public static ServiceState Calls(string id, params string[] targets) =>
        Samples.Service(id, [.. targets.Select(target => new Dependency(target))]);

    /// <summary>The facts of every service, by id.</summary>
    public static IReadOnlyDictionary<string, GraphFacts> FactsOf(params ServiceState[] services)
    {
        var facts = FleetGraph.Compute(services, Targets);
        Assert.Equal(services.Length, facts.Count);
        return services.Select((service, i) => (service.Id, Facts: facts[i])).ToDictionary(pair => pair.Id, pair => pair.Facts);
    }
}
