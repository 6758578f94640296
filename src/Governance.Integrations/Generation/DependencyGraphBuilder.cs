namespace Governance.Integrations.Generation;

/// <summary>
/// Draws the dependency graph by preferential attachment: each new service depends on earlier ones, chosen with probability
/// proportional to their fan-in plus one. Fan-in then follows a power law, as in real fleets, with a few hubs on many paths.
/// Edges point from later to earlier services, so the graph has no cycles.
/// </summary>
internal static class DependencyGraphBuilder
{
    private const double NoDependencies = 0.08;
    private const double ExtraEdgesMean = 3.4;
    private const int MaxOutDegree = 40;
    private const double HubBias = 0.06;

    /// <summary>For each service, the indices of the services it depends on.</summary>
    public static int[][] Build(int count, int hubCount, Random random)
    {
        // One entry per service plus one per edge it receives: a uniform draw from it is a draw by fan-in + 1.
        var pool = new List<int>(count * 5);
        var edges = new int[count][];
        var chosen = new List<int>(MaxOutDegree);
        for (var i = 0; i < count; i++)
        {
            var wanted = Math.Min(i, OutDegree(random));
            chosen.Clear();
            for (var attempt = 0; chosen.Count < wanted && attempt < wanted * 8; attempt++)
            {
                var target = random.Chance(HubBias) && hubCount > 0 ? random.Next(Math.Min(hubCount, i)) : pool[random.Next(pool.Count)];
                if (!chosen.Contains(target))
                {
                    chosen.Add(target);
                }
            }

            pool.AddRange(chosen);
            pool.Add(i);
            edges[i] = [.. chosen];
        }

        return edges;
    }

    private static int OutDegree(Random random) => random.Chance(NoDependencies) ? 0 : Math.Min(MaxOutDegree, 1 + random.Poisson(ExtraEdgesMean));
}
