using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>
/// The fleet's resolved edges on service indices, resolved as <see cref="CallerIndex"/> does, one per caller–callee pair
/// with the traits of all edges between them; plus the per-service facts read straight off the edges as written.
/// </summary>
internal sealed class ResolvedGraph
{
    private ResolvedGraph(Csr callees, EdgeTraits[] traits, EdgeFacts facts)
    {
        Callees = callees;
        Traits = traits;
        Facts = facts;
    }

    /// <summary>Distinct callees of each service, no self-edges.</summary>
    public Csr Callees { get; }

    /// <summary>The traits of each pair, parallel to <see cref="Csr.Targets"/> of <see cref="Callees"/>.</summary>
    public EdgeTraits[] Traits { get; }

    public EdgeFacts Facts { get; }

    /// <summary>The pairs that have <paramref name="trait"/>.</summary>
    public Csr Where(EdgeTraits trait)
    {
        var offsets = new int[Callees.NodeCount + 1];
        var targets = new List<int>(Callees.EdgeCount);
        for (var caller = 0; caller < Callees.NodeCount; caller++)
        {
            for (var edge = Callees.Offsets[caller]; edge < Callees.Offsets[caller + 1]; edge++)
            {
                if ((Traits[edge] & trait) != 0)
                {
                    targets.Add(Callees.Targets[edge]);
                }
            }

            offsets[caller + 1] = targets.Count;
        }

        return new Csr(offsets, [.. targets]);
    }

    /// <summary>Resolves every edge of <paramref name="services"/>, indexed by <paramref name="index"/>.</summary>
    public static ResolvedGraph Build(IReadOnlyList<ServiceState> services, ServiceIndex index)
    {
        var facts = new EdgeFacts(services.Count);
        var raw = EdgeResolver.Resolve(services, index, facts);
        facts.AddInboundTimeouts(raw);
        var (callees, traits) = Deduplicate(services.Count, raw);
        return new ResolvedGraph(callees, traits, facts);
    }

    /// <summary>One edge per caller–callee pair: own edges merge their traits, a declared edge counts only where none exists.</summary>
    private static (Csr Callees, EdgeTraits[] Traits) Deduplicate(int nodeCount, RawEdges raw)
    {
        var byCaller = Csr.FromEdges(nodeCount, raw.From, Csr.Sequence(raw.Count));
        var offsets = new int[nodeCount + 1];
        var targets = new int[raw.Count];
        var traits = new EdgeTraits[raw.Count];
        var seenBy = new int[nodeCount];
        var slotOf = new int[nodeCount];
        Array.Fill(seenBy, -1);
        var to = raw.To;
        var rawTraits = raw.Traits;
        var count = 0;
        for (var caller = 0; caller < nodeCount; caller++)
        {
            foreach (var edge in byCaller.Neighbours(caller))
            {
                var callee = to[edge];
                var edgeTraits = rawTraits[edge];
                if (seenBy[callee] != caller)
                {
                    seenBy[callee] = caller;
                    slotOf[callee] = count;
                    targets[count] = callee;
                    traits[count++] = edgeTraits & ~EdgeTraits.Declared;
                }
                else if ((edgeTraits & EdgeTraits.Declared) == 0)
                {
                    traits[slotOf[callee]] |= edgeTraits;
                }
            }

            offsets[caller + 1] = count;
        }

        return (new Csr(offsets, targets[..count]), traits[..count]);
    }
}
