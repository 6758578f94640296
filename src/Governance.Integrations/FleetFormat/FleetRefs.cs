using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads the fleet format's references (owner, system, parent team, dependency targets, dependencyOf) into their short form.</summary>
internal static class FleetRefs
{
    /// <summary>An owner: a team id (the default kind) or <c>user:NAME</c>.</summary>
    public static string? Owner(FieldReader reader, YamlMapping map, string path, List<PendingReference> references) =>
        Read(reader, map, "owner", path, EntityKinds.Group, [EntityKinds.Group, EntityKinds.User], "a team id or user:NAME", references);

    /// <summary>A reference to one kind only, such as a system or a parent team.</summary>
    public static string? Single(FieldReader reader, YamlMapping map, string key, string path, string kind, string describe, List<PendingReference> references) =>
        Read(reader, map, key, path, kind, [kind], describe, references);

    /// <summary>A dependency target: a service id, or <c>api:NAME</c>; null when it names something else.</summary>
    public static string? Target(FieldReader reader, string text, YamlNode node, string field, List<PendingReference> references)
    {
        var (kind, ns, name) = EntityRefs.Parse(text, "component");
        if (kind is not ("component" or "resource" or EntityKinds.Api))
        {
            reader.Error(node, field, $"must name a service (NAME, resource:NAME) or an API (api:NAME), was '{text}'");
            return null;
        }

        var target = EntityRefs.Format(kind, ns, name, "component");
        references.Add(kind == EntityKinds.Api
            ? new PendingReference(EntityKinds.Api, EntityRefs.Format(kind, ns, name, EntityKinds.Api), field, reader.At(node))
            : new PendingReference("service", target, field, reader.At(node)));
        return target;
    }

    /// <summary>
    /// A list of service ids (<c>dependencyOf</c>) in their short form, in the order written, and for each the position it had in the
    /// file (null when nothing was left out). Anything but a service, and a service listed twice, is an error.
    /// </summary>
    public static (IReadOnlyList<string> Ids, int[]? Positions) Services(FieldReader reader, YamlMapping map, string key, string path, List<PendingReference> references)
    {
        if (reader.Sequence(map, key, path) is not { } sequence)
        {
            return ([], null);
        }

        var ids = new List<string>(sequence.Items.Count);
        var positions = new List<int>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var field = $"{FieldReader.Join(path, key)}[{i}]";
            if (Service(reader, sequence.Items[i], field) is not { } id)
            {
                continue;
            }

            if (ids.Contains(id))
            {
                reader.Error(sequence.Items[i], field, $"'{id}' is listed more than once");
                continue;
            }

            references.Add(new PendingReference(ReferenceKinds.Service, id, field, reader.At(sequence.Items[i])));
            ids.Add(id);
            positions.Add(i);
        }

        return (ids, ids.Count == sequence.Items.Count ? null : [.. positions]);
    }

    private static string? Service(FieldReader reader, YamlNode node, string field)
    {
        if (node is YamlScalar { IsNull: false } text)
        {
            var (kind, ns, name) = EntityRefs.Parse(text.Value, "component");
            var id = EntityRefs.Format(kind, ns, name, "component");
            if (kind is "component" or "resource" && EntityRefs.IsValidId(id))
            {
                return id;
            }
        }

        reader.Error(node, field, $"must be a service id (NAME, NAMESPACE/NAME or resource:NAME), was {node.Describe}");
        return null;
    }

    private static string? Read(
        FieldReader reader, YamlMapping map, string key, string path, string defaultKind, string[] kinds, string describe, List<PendingReference> references)
    {
        if (reader.String(map, key, path) is not { } text)
        {
            return null;
        }

        var node = map.Get(key)!;
        var field = FieldReader.Join(path, key);
        var (kind, ns, name) = EntityRefs.Parse(text, defaultKind);
        var id = EntityRefs.Format(kind, ns, name, kind);
        if (!kinds.Contains(kind) || !EntityRefs.IsValidId(id))
        {
            reader.Error(node, field, $"must be {describe}, was '{text}'");
            return null;
        }

        references.Add(new PendingReference(kind, id, field, reader.At(node)));
        return EntityRefs.Format(kind, ns, name, defaultKind);
    }
}
