using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads a fleet service's dependencies, in short form (a target) or with their attributes.</summary>
internal static class FleetDependencyReader
{
    private static readonly KeySet _keys = new("target", "criticalPath", "synchronous", "timeoutMs", "clientCache", "gracefulDegradation", "retries", "circuitBreaker");

    /// <summary>The edges sorted by target as the domain keeps them, and for each the position it had in the file (null when unchanged).</summary>
    public static (IReadOnlyList<Dependency>? Edges, int[]? Order) Read(FieldReader reader, YamlMapping service, string path, List<PendingReference> references)
    {
        if (reader.Sequence(service, "dependencies", path) is not { } sequence)
        {
            return (null, null);
        }

        var edges = new List<Dependency>(sequence.Items.Count);
        var positions = new List<int>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (ReadEdge(reader, sequence.Items[i], $"{FieldReader.Join(path, "dependencies")}[{i}]", references) is { } edge)
            {
                edges.Add(edge);
                positions.Add(i);
            }
        }

        return Sorted(edges, positions, sequence.Items.Count);
    }

    private static Dependency? ReadEdge(FieldReader reader, YamlNode node, string path, List<PendingReference> references)
    {
        if (node is YamlScalar { IsNull: false } shortForm)
        {
            return FleetRefs.Target(reader, shortForm.Value, shortForm, path, references) is { } target ? new Dependency(target) : null;
        }

        if (node is not YamlMapping map)
        {
            reader.Error(node, path, $"must be a target (a service id or api:NAME) or a mapping with a target, was {node.Describe}");
            return null;
        }

        reader.CheckKeys(map, path, _keys);
        var text = reader.RequiredString(map, "target", path);
        var edgeTarget = text.Length > 0 ? FleetRefs.Target(reader, text, map.Get("target")!, FieldReader.Join(path, "target"), references) : null;
        var edge = new Dependency(edgeTarget ?? string.Empty)
        {
            CriticalPath = reader.Bool(map, "criticalPath", path) ?? true,
            Synchronous = reader.Bool(map, "synchronous", path) ?? true,
            TimeoutMs = reader.Int(map, "timeoutMs", path, "a whole number of milliseconds"),
            ClientCache = reader.Bool(map, "clientCache", path) ?? false,
            GracefulDegradation = reader.Bool(map, "gracefulDegradation", path) ?? false,
            Retries = reader.Int(map, "retries", path) ?? 0,
            CircuitBreaker = reader.Bool(map, "circuitBreaker", path) ?? false,
        };
        return edgeTarget is null ? null : edge;
    }

    private static (IReadOnlyList<Dependency>, int[]?) Sorted(List<Dependency> edges, List<int> positions, int written)
    {
        var sorted = true;
        for (var i = 1; i < edges.Count && sorted; i++)
        {
            sorted = string.CompareOrdinal(edges[i - 1].Target, edges[i].Target) <= 0;
        }

        if (sorted && edges.Count == written)
        {
            return (edges, null);
        }

        var order = Enumerable.Range(0, edges.Count).OrderBy(i => edges[i].Target, StringComparer.Ordinal).ToArray();
        return ([.. order.Select(i => edges[i])], [.. order.Select(i => positions[i])]);
    }
}
