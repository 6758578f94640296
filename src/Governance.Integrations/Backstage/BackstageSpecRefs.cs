using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>The spec references every kind shares: the owner, and a single related entity such as the system or the domain.</summary>
internal static class BackstageSpecRefs
{
    /// <summary>spec.owner as a short reference with group as the default kind (<c>team-a</c>, <c>user:guest</c>).</summary>
    public static string? Owner(BackstageEntity entity)
    {
        if (BackstageRefs.ReadSpec(entity, "owner", EntityKinds.Group) is not { } owner)
        {
            return null;
        }

        var node = entity.SpecValue("owner")!;
        if (owner.Kind is EntityKinds.Group or EntityKinds.User)
        {
            entity.References.Add(new PendingReference(owner.Kind, owner.Id, "spec.owner", entity.At(node)));
        }
        else
        {
            entity.Warn(node, "spec.owner", $"an owner is a group or a user, not a {owner.Kind}; kept as written");
        }

        return owner.Format(EntityKinds.Group);
    }

    /// <summary>A reference that must name one kind (spec.system, spec.domain, spec.parent, …): the id within that kind.</summary>
    public static string? Related(BackstageEntity entity, string key, string kind)
    {
        if (BackstageRefs.ReadSpec(entity, key, kind) is not { } related)
        {
            return null;
        }

        var node = entity.SpecValue(key)!;
        if (related.Kind != kind)
        {
            entity.Warn(node, $"spec.{key}", $"must name a {kind}, was '{related.Format(kind)}'; ignored");
            return null;
        }

        entity.References.Add(new PendingReference(kind, related.Id, $"spec.{key}", entity.At(node)));
        return related.Id;
    }

    /// <summary>The ids of a list of references that must all name <paramref name="kind"/>; others are warned about and left out.</summary>
    public static List<(string Id, string Field, SourceLocation Location)> RelatedList(BackstageEntity entity, string key, string kind)
    {
        var ids = new List<(string, string, SourceLocation)>();
        foreach (var (reference, field, node) in BackstageRefs.ReadList(entity, key, kind))
        {
            if (reference.Kind == kind)
            {
                ids.Add((reference.Id, field, entity.At(node)));
            }
            else
            {
                entity.Warn(node, field, $"must name a {kind}, was '{reference.Format(kind)}'; ignored");
            }
        }

        return ids;
    }
}
