using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>Each service's distinct direct callers: all of them, those on a critical edge, and those of tier 0 among these.</summary>
internal sealed record DirectCallers(int[] Callers, int[] Critical, int[] CriticalTier0)
{
    /// <summary>Counts over <paramref name="graph"/>'s pairs, which are distinct already.</summary>
    public static DirectCallers Count(ResolvedGraph graph, ServiceIndex index)
    {
        var callees = graph.Callees;
        var counts = new DirectCallers(new int[index.Count], new int[index.Count], new int[index.Count]);
        for (var caller = 0; caller < index.Count; caller++)
        {
            var tier0 = index.Tiers[caller] == ServiceProfile.MostCriticalTier;
            for (var edge = callees.Offsets[caller]; edge < callees.Offsets[caller + 1]; edge++)
            {
                var callee = callees.Targets[edge];
                counts.Callers[callee]++;
                if ((graph.Traits[edge] & EdgeTraits.Critical) != 0)
                {
                    counts.Critical[callee]++;
                    counts.CriticalTier0[callee] += tier0 ? 1 : 0;
                }
            }
        }

        return counts;
    }
}
