using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>
/// Resolves edges as <see cref="CallerIndex"/> does: an own edge to its target or to every provider of its API, a
/// dependencyOf to an edge with default attributes where the caller writes none; self-edges dropped, dangling ones counted.
/// </summary>
internal static class EdgeResolver
{
    private const int ChunkSize = 4096;

    /// <summary>Every resolved edge, each caller's own edges first, in caller order, then the declared ones.</summary>
    public static RawEdges Resolve(IReadOnlyList<ServiceState> services, ServiceIndex index, EdgeFacts facts)
    {
        // Callers resolve independently and reading the input is most of the cost, so chunks of callers go in parallel.
        var chunks = new RawEdges[(services.Count + ChunkSize - 1) / ChunkSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, chunks.Length, options, chunk => chunks[chunk] = ResolveOwn(services, index, facts, chunk * ChunkSize));
        var raw = new RawEdges(chunks.Sum(chunk => chunk.Count) + services.Count / 8);
        foreach (var chunk in chunks)
        {
            raw.AddAll(chunk);
        }

        AddDeclared(services, index, raw);
        return raw;
    }

    private static RawEdges ResolveOwn(IReadOnlyList<ServiceState> services, ServiceIndex index, EdgeFacts facts, int first)
    {
        var end = Math.Min(first + ChunkSize, services.Count);
        var raw = new RawEdges((end - first) * 5);
        for (var caller = first; caller < end; caller++)
        {
            // Indexing, not foreach: an interface enumerator per service is an allocation per service.
            var edges = services[caller].Dependencies;
            for (var i = 0; i < edges.Count; i++)
            {
                AddOwn(index, raw, facts, caller, edges[i]);
            }
        }

        return raw;
    }

    private static void AddOwn(ServiceIndex index, RawEdges raw, EdgeFacts facts, int caller, Dependency edge)
    {
        var traits = TraitsOf(edge);
        var timeout = edge.TimeoutMs;
        if (!edge.IsApi)
        {
            if (!index.TryGet(edge.Target, out var callee))
            {
                facts.Dangling[caller]++;
            }
            else if (callee != caller)
            {
                raw.Add(caller, callee, traits, timeout);
                facts.Deprecated[caller] += index.IsDeprecated(callee) ? 1 : 0;
            }

            return;
        }

        var providers = index.Providers(edge.Target);
        var deprecated = false;
        foreach (var callee in providers)
        {
            if (callee != caller)
            {
                raw.Add(caller, callee, traits, timeout);
                deprecated |= index.IsDeprecated(callee);
            }
        }

        facts.Dangling[caller] += providers.IsEmpty ? 1 : 0;
        facts.Deprecated[caller] += deprecated ? 1 : 0;
    }

    private static EdgeTraits TraitsOf(Dependency edge) =>
        edge.IsHard ? EdgeTraits.Critical | EdgeTraits.Hard : edge.IsCritical ? EdgeTraits.Critical : EdgeTraits.None;

    /// <summary>Adds the edges callees declare (dependencyOf), with a default dependency's attributes: critical and hard.</summary>
    private static void AddDeclared(IReadOnlyList<ServiceState> services, ServiceIndex index, RawEdges raw)
    {
        for (var callee = 0; callee < services.Count; callee++)
        {
            var callers = services[callee].Profile.DependencyOf;
            for (var i = 0; i < callers.Count; i++)
            {
                if (index.TryGet(callers[i], out var caller) && caller != callee)
                {
                    raw.Add(caller, callee, EdgeTraits.Critical | EdgeTraits.Hard | EdgeTraits.Declared, null);
                }
            }
        }
    }
}
