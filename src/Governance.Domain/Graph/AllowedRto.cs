namespace Governance.Domain.Graph;

/// <summary>
/// The RTO a service's hard dependencies allow: the largest tier-target RTO among the services it reaches over hard edges,
/// itself excepted, since a service cannot recover before what it cannot work without.
/// </summary>
internal static class AllowedRto
{
    /// <summary>Stands for "no RTO": reaches nothing with a tier target.</summary>
    public const int None = -1;

    /// <summary>
    /// The allowed RTO of each node of the hard-edge graph condensed in <paramref name="hard"/>, or <see cref="None"/>, given
    /// each node's own tier-target RTO (or <see cref="None"/>) in <paramref name="rto"/>.
    /// </summary>
    public static int[] Compute(Condensation hard, int[] rto)
    {
        var (highest, second) = HighestTwo(hard, rto);
        var below = new int[hard.ComponentCount];
        var reached = new int[hard.ComponentCount];
        // Successors have lower numbers, so they are final when a component is reached in ascending order.
        for (var component = 0; component < hard.ComponentCount; component++)
        {
            var max = None;
            foreach (var next in hard.Dag.Neighbours(component))
            {
                max = Math.Max(max, reached[next]);
            }

            below[component] = max;
            reached[component] = Math.Max(max, highest[component]);
        }

        var allowed = new int[rto.Length];
        for (var node = 0; node < rto.Length; node++)
        {
            var component = hard.ComponentOf[node];
            // The rest of a cycle is reached too: its highest RTO, or the second highest when that is the node's own.
            var others = rto[node] == highest[component] ? second[component] : highest[component];
            allowed[node] = Math.Max(below[component], others);
        }

        return allowed;
    }

    /// <summary>The highest and second-highest RTO in each component, counting equal values twice.</summary>
    private static (int[] Highest, int[] Second) HighestTwo(Condensation hard, int[] rto)
    {
        var highest = new int[hard.ComponentCount];
        var second = new int[hard.ComponentCount];
        Array.Fill(highest, None);
        Array.Fill(second, None);
        for (var node = 0; node < rto.Length; node++)
        {
            var component = hard.ComponentOf[node];
            if (rto[node] > highest[component])
            {
                second[component] = highest[component];
                highest[component] = rto[node];
            }
            else if (rto[node] > second[component])
            {
                second[component] = rto[node];
            }
        }

        return (highest, second);
    }
}
