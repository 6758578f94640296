namespace Governance.Domain.Graph;

/// <summary>
/// A graph with each strongly connected component shrunk to one node: a DAG whose components are numbered so that every
/// edge goes from a higher number to a lower one, which is the order reachability propagates in.
/// </summary>
internal sealed class Condensation
{
    private Condensation(int[] componentOf, int[] sizes, Csr dag)
    {
        ComponentOf = componentOf;
        Sizes = sizes;
        Dag = dag;
    }

    /// <summary>The component of each node of the original graph.</summary>
    public int[] ComponentOf { get; }

    /// <summary>How many nodes each component holds.</summary>
    public int[] Sizes { get; }

    /// <summary>The distinct edges between components, each to a lower-numbered one.</summary>
    public Csr Dag { get; }

    public int ComponentCount => Sizes.Length;

    /// <summary>Condenses <paramref name="graph"/>.</summary>
    public static Condensation Of(Csr graph)
    {
        var componentOf = StronglyConnected.Find(graph, out var count);
        var members = Csr.FromEdges(count, componentOf, Csr.Sequence(graph.NodeCount));
        var sizes = new int[count];
        for (var component = 0; component < count; component++)
        {
            sizes[component] = members.Offsets[component + 1] - members.Offsets[component];
        }

        return new Condensation(componentOf, sizes, DagOf(graph, componentOf, members));
    }

    /// <summary>The same components with every edge reversed, renumbered so that edges still go to lower numbers.</summary>
    public Condensation Reversed()
    {
        var last = ComponentCount - 1;
        var from = new int[Dag.EdgeCount];
        var to = new int[Dag.EdgeCount];
        var edge = 0;
        for (var component = 0; component < ComponentCount; component++)
        {
            foreach (var next in Dag.Neighbours(component))
            {
                from[edge] = last - next;
                to[edge++] = last - component;
            }
        }

        var componentOf = Array.ConvertAll(ComponentOf, component => last - component);
        var sizes = Sizes.ToArray();
        Array.Reverse(sizes);
        return new Condensation(componentOf, sizes, Csr.FromEdges(ComponentCount, from, to));
    }

    private static Csr DagOf(Csr graph, int[] componentOf, Csr members)
    {
        var count = members.NodeCount;
        var offsets = new int[count + 1];
        var targets = new List<int>(graph.EdgeCount);
        var seenBy = new int[count];
        Array.Fill(seenBy, -1);
        for (var component = 0; component < count; component++)
        {
            foreach (var member in members.Neighbours(component))
            {
                foreach (var next in graph.Neighbours(member))
                {
                    var target = componentOf[next];
                    if (target != component && seenBy[target] != component)
                    {
                        seenBy[target] = component;
                        targets.Add(target);
                    }
                }
            }

            offsets[component + 1] = targets.Count;
        }

        return new Csr(offsets, [.. targets]);
    }
}
