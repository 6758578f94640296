namespace Governance.Domain.Graph;

/// <summary>A compressed sparse row adjacency: the neighbours of node v are <c>Targets[Offsets[v]..Offsets[v + 1]]</c>.</summary>
internal sealed class Csr
{
    public Csr(int[] offsets, int[] targets)
    {
        Offsets = offsets;
        Targets = targets;
    }

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public int NodeCount => Offsets.Length - 1;

    public int EdgeCount => Targets.Length;

    /// <summary>The neighbours of <paramref name="node"/>, in the order they were laid out.</summary>
    public ReadOnlySpan<int> Neighbours(int node) => Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]);

    /// <summary>The adjacency of the edges <paramref name="from"/>[i] → <paramref name="to"/>[i], kept in input order per node.</summary>
    public static Csr FromEdges(int nodeCount, ReadOnlySpan<int> from, ReadOnlySpan<int> to)
    {
        var offsets = new int[nodeCount + 1];
        foreach (var node in from)
        {
            offsets[node + 1]++;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var next = offsets.AsSpan(0, nodeCount).ToArray();
        var targets = new int[from.Length];
        for (var i = 0; i < from.Length; i++)
        {
            targets[next[from[i]]++] = to[i];
        }

        return new Csr(offsets, targets);
    }

    /// <summary>0, 1, … <paramref name="length"/> - 1.</summary>
    public static int[] Sequence(int length)
    {
        var values = new int[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = i;
        }

        return values;
    }

    /// <summary>The same edges reversed, each node's neighbours in ascending order.</summary>
    public Csr Transpose() => Transpose(NodeCount);

    /// <summary>The same edges reversed, over <paramref name="targetCount"/> nodes (targets may be another kind of node).</summary>
    public Csr Transpose(int targetCount)
    {
        var from = new int[EdgeCount];
        for (var v = 0; v < NodeCount; v++)
        {
            from.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]).Fill(v);
        }

        return FromEdges(targetCount, Targets, from);
    }
}
