namespace Governance.Domain.Policies;

/// <summary>Every fact a policy can test, with its type, scope and meaning: what <c>governance facts</c> prints.</summary>
public static class FactCatalog
{
    private static readonly FactDefinition[] _definitions = [.. ServiceFacts.All(), .. ItemFacts.All()];
    private static readonly string[] _collections = ["dependencies", "dataStores"];
    private static readonly Dictionary<string, FactDefinition> _byName = _definitions.ToDictionary(definition => definition.Description.Name, StringComparer.Ordinal);

    /// <summary>Every fact: service facts, then graph, edge, target and store facts.</summary>
    public static IReadOnlyList<FactDescription> All { get; } = [.. _definitions.Select(definition => definition.Description)];

    /// <summary>The collections conditions can range over, by the name policies use.</summary>
    public static IReadOnlyList<string> CollectionNames => _collections;

    /// <summary>The fact named exactly <paramref name="name"/>; null when there is none.</summary>
    public static FactDescription? Find(string name) => _byName.TryGetValue(name, out var definition) ? definition.Description : null;

    public static string NameOf(FactCollection collection) => _collections[(int)collection];

    public static bool TryParseCollection(string name, out FactCollection collection)
    {
        var index = Array.IndexOf(_collections, name);
        collection = (FactCollection)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Up to <paramref name="limit"/> fact names close to <paramref name="name"/>: a different case, a missing prefix, or a typo.</summary>
    public static IReadOnlyList<string> Suggest(string name, int limit = 3)
    {
        var tolerance = Math.Max(2, name.Length / 4);
        return
        [
            .. All
                .Select(fact => (fact.Name, Distance: Closeness(name, fact.Name)))
                .Where(candidate => candidate.Distance <= tolerance)
                .OrderBy(candidate => candidate.Distance)
                .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
                .Take(limit)
                .Select(candidate => candidate.Name),
        ];
    }

    internal static FactAccessor AccessorOf(string name) => _byName[name].Accessor;

    // A name written without its scope prefix (timeoutMs for edge.timeoutMs) is as close as a one-letter typo.
    private static int Closeness(string written, string candidate)
    {
        var dot = candidate.LastIndexOf('.');
        var unprefixed = dot >= 0 && string.Equals(candidate[(dot + 1)..], written, StringComparison.OrdinalIgnoreCase);
        return unprefixed ? 1 : Levenshtein(written.ToLowerInvariant(), candidate.ToLowerInvariant());
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
