using System.Text.RegularExpressions;

namespace Governance.Domain.Catalog;

/// <summary>
/// Short references to catalog entities, as Backstage writes them: <c>[kind:][namespace/]name</c>, compared
/// case-insensitively, so they are kept in lower case. A service's id is its short reference with
/// <c>component</c> as the default kind, so <c>resource:artists-db</c> and <c>artist-lookup</c> are both service ids.
/// </summary>
public static partial class EntityRefs
{
    public const string ApiPrefix = "api:";
    public const string DefaultNamespace = "default";

    /// <summary>The short reference of <paramref name="name"/> of <paramref name="kind"/>, omitting the default kind and namespace.</summary>
    public static string Format(string kind, string? @namespace, string name, string defaultKind)
    {
        var ns = string.IsNullOrEmpty(@namespace) || string.Equals(@namespace, DefaultNamespace, StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : @namespace.ToLowerInvariant() + "/";
        var kindPart = string.Equals(kind, defaultKind, StringComparison.OrdinalIgnoreCase) ? string.Empty : kind.ToLowerInvariant() + ":";
        return kindPart + ns + name.ToLowerInvariant();
    }

    /// <summary>Parses <c>[kind:][namespace/]name</c>; kind and namespace default to the given ones.</summary>
    public static (string Kind, string Namespace, string Name) Parse(string reference, string defaultKind, string defaultNamespace = DefaultNamespace)
    {
        var text = reference.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? text[..colon] : defaultKind;
        var rest = colon > 0 ? text[(colon + 1)..] : text;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var ns = slash > 0 ? rest[..slash] : defaultNamespace;
        var name = slash > 0 ? rest[(slash + 1)..] : rest;
        return (kind.ToLowerInvariant(), ns.ToLowerInvariant(), name.ToLowerInvariant());
    }

    /// <summary>Normalises any reference to its short form relative to <paramref name="defaultKind"/>.</summary>
    public static string Normalize(string reference, string defaultKind)
    {
        var (kind, ns, name) = Parse(reference, defaultKind);
        return Format(kind, ns, name, defaultKind);
    }

    /// <summary>True for a usable id: lower-case letters, digits and <c>-_.:/</c>, starting with a letter or digit.</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9._:/-]{0,252}$")]
    private static partial Regex IdPattern();
}
