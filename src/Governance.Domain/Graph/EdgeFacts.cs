namespace Governance.Domain.Graph;

/// <summary>Per-service facts read straight off the edges as written, filled while they are resolved.</summary>
internal sealed class EdgeFacts
{
    public EdgeFacts(int serviceCount)
    {
        Dangling = new int[serviceCount];
        Deprecated = new int[serviceCount];
        MinInboundTimeoutMs = new int?[serviceCount];
    }

    /// <summary>Own edges whose target no service is, or whose API no service provides.</summary>
    public int[] Dangling { get; }

    /// <summary>Own edges that resolve to at least one deprecated service.</summary>
    public int[] Deprecated { get; }

    /// <summary>The smallest timeout any caller sets on a resolved edge to the service; null when none sets one.</summary>
    public int?[] MinInboundTimeoutMs { get; }

    /// <summary>Lowers each callee's <see cref="MinInboundTimeoutMs"/> to the timeouts of <paramref name="raw"/>'s edges to it.</summary>
    public void AddInboundTimeouts(RawEdges raw)
    {
        var to = raw.To;
        var timeouts = raw.TimeoutsMs;
        for (var edge = 0; edge < raw.Count; edge++)
        {
            if (timeouts[edge] is { } timeout && (MinInboundTimeoutMs[to[edge]] is not { } least || timeout < least))
            {
                MinInboundTimeoutMs[to[edge]] = timeout;
            }
        }
    }
}
