using System.Runtime.InteropServices;

namespace Governance.Domain.Graph;

/// <summary>Resolved edges in the order they are found, before the edges between one caller and one callee are merged.</summary>
internal sealed class RawEdges(int capacity)
{
    private readonly List<int> _from = new(capacity);
    private readonly List<int> _to = new(capacity);
    private readonly List<EdgeTraits> _traits = new(capacity);
    private readonly List<int?> _timeouts = new(capacity);

    public int Count => _from.Count;

    public ReadOnlySpan<int> From => CollectionsMarshal.AsSpan(_from);

    public ReadOnlySpan<int> To => CollectionsMarshal.AsSpan(_to);

    public ReadOnlySpan<EdgeTraits> Traits => CollectionsMarshal.AsSpan(_traits);

    public ReadOnlySpan<int?> TimeoutsMs => CollectionsMarshal.AsSpan(_timeouts);

    public void Add(int from, int to, EdgeTraits traits, int? timeoutMs)
    {
        _from.Add(from);
        _to.Add(to);
        _traits.Add(traits);
        _timeouts.Add(timeoutMs);
    }

    /// <summary>Appends every edge of <paramref name="other"/>, in its order.</summary>
    public void AddAll(RawEdges other)
    {
        _from.AddRange(other.From);
        _to.AddRange(other.To);
        _traits.AddRange(other.Traits);
        _timeouts.AddRange(other.TimeoutsMs);
    }
}
