using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.FleetFormat;

/// <summary>Reads the fleet format's references (owner, system, parent team, dependency targets) into their short form.</summary>
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
