using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>An entity reference taken apart: kind and namespace in lower case, with the defaults of its field applied.</summary>
internal sealed record BackstageRef(string Kind, string Namespace, string Name)
{
    /// <summary>The short reference relative to <paramref name="defaultKind"/> (<c>resource:artists-db</c>, <c>team-a</c>).</summary>
    public string Format(string defaultKind) => EntityRefs.Format(Kind, Namespace, Name, defaultKind);

    /// <summary>The id the referenced entity has within its own kind.</summary>
    public string Id => EntityRefs.Format(Kind, Namespace, Name, Kind);
}

/// <summary>
/// Reads entity references as the descriptor format writes them: the string form <c>[kind:][namespace/]name</c>, case-insensitive,
/// or the compound form with kind, namespace and name fields. An unstated namespace is the referring entity's own.
/// </summary>
internal static class BackstageRefs
{
    public static BackstageRef? Read(BackstageEntity entity, YamlNode node, string field, string defaultKind)
    {
        var reference = node switch
        {
            YamlScalar { IsNull: false } text => Parse(text.Value, defaultKind, entity.Namespace),
            YamlMapping compound => Compound(entity, compound, field, defaultKind),
            _ => null,
        };
        if (reference is null || !EntityRefs.IsValidId(reference.Id))
        {
            entity.Reader.Error(node, field, $"must be an entity reference [kind:][namespace/]name, was {node.Describe}");
            return null;
        }

        return reference;
    }

    /// <summary>Every reference of a list field; items that are not references are reported and left out.</summary>
    public static List<(BackstageRef Ref, string Field, YamlNode Node)> ReadList(BackstageEntity entity, string key, string defaultKind)
    {
        var found = new List<(BackstageRef, string, YamlNode)>();
        var field = $"spec.{key}";
        if (entity.Reader.Sequence(entity.Spec, key, "spec") is not { } sequence)
        {
            return found;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (Read(entity, sequence.Items[i], $"{field}[{i}]", defaultKind) is { } reference)
            {
                found.Add((reference, $"{field}[{i}]", sequence.Items[i]));
            }
        }

        return found;
    }

    /// <summary>A single reference under spec; null when absent or invalid (reported).</summary>
    public static BackstageRef? ReadSpec(BackstageEntity entity, string key, string defaultKind) =>
        entity.SpecValue(key) is { } node ? Read(entity, node, $"spec.{key}", defaultKind) : null;

    private static BackstageRef? Parse(string text, string defaultKind, string contextNamespace)
    {
        var (kind, ns, name) = EntityRefs.Parse(text, defaultKind, contextNamespace);
        return name.Length == 0 ? null : new BackstageRef(kind, ns, name);
    }

    private static BackstageRef? Compound(BackstageEntity entity, YamlMapping map, string field, string defaultKind)
    {
        var name = entity.Reader.String(map, "name", field);
        var kind = entity.Reader.String(map, "kind", field) ?? defaultKind;
        var ns = entity.Reader.String(map, "namespace", field) ?? entity.Namespace;
        return string.IsNullOrWhiteSpace(name) ? null : new BackstageRef(kind.ToLowerInvariant(), ns.ToLowerInvariant(), name.Trim().ToLowerInvariant());
    }
}
