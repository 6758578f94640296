using Governance.Domain.Catalog;
using Governance.Domain.Policies;

namespace Governance.Domain.Graph;

/// <summary>
/// Computes every service's <see cref="GraphFacts"/> for a whole fleet at once: edges resolved as <see cref="CallerIndex"/>
/// resolves them, cycles condensed, transitive counts exact and bit-parallel over the condensed graph.
/// </summary>
public static class FleetGraph
{
    /// <summary>The graph facts of every service: element i is those of <paramref name="services"/>[i].</summary>
    /// <exception cref="ArgumentException">Two services share an id.</exception>
    public static IReadOnlyList<GraphFacts> Compute(IReadOnlyList<ServiceState> services, TierTargets targets)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(targets);
        var index = new ServiceIndex(services);
        var graph = ResolvedGraph.Build(services, index);
        var all = Condensation.Of(graph.Callees);
        var hard = Condensation.Of(graph.Where(EdgeTraits.Hard));
        var callers = all.Reversed();
        var hardCallers = hard.Reversed();
        var products = ProductSeeds.Of(hardCallers, index);
        var counts = ReachCounter.Count(
        [
            ReachProblem.Nodes(all),
            ReachProblem.Nodes(callers),
            ReachProblem.Nodes(hardCallers),
            new ReachProblem(hardCallers.Dag, products, index.ProductCount),
        ]);
        var allowedRto = AllowedRto.Compute(hard, RtoOf(index, targets));
        var direct = DirectCallers.Count(graph, index);
        var facts = new GraphFacts[services.Count];
        for (var node = 0; node < facts.Length; node++)
        {
            facts[node] = new GraphFacts(
                FanIn: direct.Callers[node],
                FanOut: graph.Callees.Offsets[node + 1] - graph.Callees.Offsets[node],
                TransitiveFanIn: OthersReached(callers, counts[1], node),
                TransitiveFanOut: OthersReached(all, counts[0], node),
                CriticalFanIn: direct.Critical[node],
                CriticalFanInTier0: direct.CriticalTier0[node],
                BlastRadiusServices: OthersReached(hardCallers, counts[2], node),
                BlastRadiusProducts: counts[3][hardCallers.ComponentOf[node]],
                AllowedRtoMinutes: allowedRto[node] == AllowedRto.None ? null : allowedRto[node],
                InCycle: all.Sizes[all.ComponentOf[node]] > 1,
                DanglingDependencies: graph.Facts.Dangling[node],
                DeprecatedDependencies: graph.Facts.Deprecated[node],
                MinInboundTimeoutMs: graph.Facts.MinInboundTimeoutMs[node]);
        }

        return facts;
    }

    /// <summary>How many other nodes <paramref name="node"/> reaches: its component's count, which always includes the node itself.</summary>
    private static int OthersReached(Condensation components, int[] counts, int node) => counts[components.ComponentOf[node]] - 1;

    /// <summary>Each service's tier-target RTO, or <see cref="AllowedRto.None"/> when it has no tier or its tier no target.</summary>
    private static int[] RtoOf(ServiceIndex index, TierTargets targets)
    {
        var byTier = new Dictionary<int, int>();
        var rto = new int[index.Count];
        for (var node = 0; node < rto.Length; node++)
        {
            var tier = index.Tiers[node];
            if (!byTier.TryGetValue(tier, out rto[node]))
            {
                rto[node] = targets.For(tier == ServiceIndex.NoTier ? null : tier)?.RtoMinutes ?? AllowedRto.None;
                byTier[tier] = rto[node];
            }
        }

        return rto;
    }
}
