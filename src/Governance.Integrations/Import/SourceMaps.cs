namespace Governance.Integrations.Import;

/// <summary>Finds the field and place in a file for a domain field path such as <c>dependencies[2].timeoutMs</c>.</summary>
internal interface ISourceMap
{
    (string Field, SourceLocation Location) Resolve(string domainPath);
}

/// <summary>A source map kept as a dictionary from domain paths; unmapped paths fall back to their nearest mapped parent.</summary>
internal sealed class DictionarySourceMap(SourceLocation fallback) : ISourceMap
{
    private readonly Dictionary<string, (string Field, SourceLocation Location)> _paths = new(StringComparer.Ordinal);

    public void Add(string domainPath, string field, SourceLocation location) => _paths[domainPath] = (field, location);

    public (string Field, SourceLocation Location) Resolve(string domainPath)
    {
        for (var path = domainPath; path.Length > 0; path = Parent(path))
        {
            if (_paths.TryGetValue(path, out var found))
            {
                return found;
            }
        }

        return (domainPath, fallback);
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : string.Empty;
    }
}
