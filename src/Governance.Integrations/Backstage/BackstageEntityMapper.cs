using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>Maps Group, User, System, Domain and API entities to catalog entities; their ids are short references within their kind.</summary>
internal static class BackstageEntityMapper
{
    public static EntityDraft Map(BackstageEntity entity)
    {
        var kind = entity.Kind == BackstageKinds.Api ? EntityKinds.Api : entity.Kind.ToLowerInvariant();
        var id = entity.Name.Length > 0 ? EntityRefs.Format(kind, entity.Namespace, entity.Name, kind) : string.Empty;
        var title = entity.MetadataString("title");
        var common = new CatalogEntity(kind, id, title ?? entity.Name)
        {
            Description = entity.MetadataString("description")?.TrimEnd(),
            Tags = entity.Reader.StringList(entity.Metadata, "tags", "metadata"),
        };
        var defined = entity.Kind switch
        {
            BackstageKinds.Group => Group(entity, common, title, id),
            BackstageKinds.User => User(entity, common, title),
            BackstageKinds.System => WithOwner(entity, common, "domain", EntityKinds.Domain) with { Type = entity.SpecString("type") },
            BackstageKinds.Domain => WithOwner(entity, common, "subdomainOf", EntityKinds.Domain) with { Type = entity.SpecString("type") },
            _ => Api(entity, common),
        };

        var draft = new EntityDraft(id.Length > 0 ? $"{kind}:{id}" : $"{kind} (no metadata.name)", entity.Location, entity.Errors, new DefineEntity(defined))
        {
            IdSource = ("metadata.name", entity.NameLocation),
            HasId = id.Length > 0,
        };
        draft.References.AddRange(entity.References);
        var sourceMap = new DictionarySourceMap(entity.Location);
        sourceMap.Add("id", "metadata.name", entity.NameLocation);
        DraftValidation.Validate(draft, sourceMap);
        return draft;
    }

    private static CatalogEntity Group(BackstageEntity entity, CatalogEntity common, string? title, string id)
    {
        entity.RequireSpec("type", "children");
        var profile = Profile(entity);
        foreach (var (child, field, location) in BackstageSpecRefs.RelatedList(entity, "children", EntityKinds.Group))
        {
            entity.Result.Relations.Add(new PendingRelation(RelationKind.Child, id, child, field, location));
        }

        foreach (var (member, field, location) in BackstageSpecRefs.RelatedList(entity, "members", EntityKinds.User))
        {
            entity.Result.Relations.Add(new PendingRelation(RelationKind.Member, id, member, field, location));
        }

        return common with
        {
            Name = title ?? profile.DisplayName ?? entity.Name,
            Type = entity.SpecString("type"),
            Email = profile.Email,
            Parent = BackstageSpecRefs.Related(entity, "parent", EntityKinds.Group),
        };
    }

    private static CatalogEntity User(BackstageEntity entity, CatalogEntity common, string? title)
    {
        entity.RequireSpec("memberOf");
        var profile = Profile(entity);
        return common with
        {
            Name = title ?? profile.DisplayName ?? entity.Name,
            Email = profile.Email,
            MemberOf = [.. BackstageSpecRefs.RelatedList(entity, "memberOf", EntityKinds.Group).Select(group => group.Id)],
        };
    }

    private static CatalogEntity Api(BackstageEntity entity, CatalogEntity common)
    {
        entity.RequireSpec("type", "lifecycle", "owner", "definition");
        return common with
        {
            Type = entity.SpecString("type"),
            Owner = BackstageSpecRefs.Owner(entity),
            Parent = BackstageSpecRefs.Related(entity, "system", EntityKinds.System),
        };
    }

    /// <summary>Systems and domains: a required owner, and a parent of <paramref name="parentKind"/> under <paramref name="parentKey"/>.</summary>
    private static CatalogEntity WithOwner(BackstageEntity entity, CatalogEntity common, string parentKey, string parentKind)
    {
        entity.RequireSpec("owner");
        return common with
        {
            Owner = BackstageSpecRefs.Owner(entity),
            Parent = BackstageSpecRefs.Related(entity, parentKey, parentKind),
        };
    }

    private static (string? DisplayName, string? Email) Profile(BackstageEntity entity)
    {
        if (entity.Reader.Mapping(entity.Spec, "profile", "spec") is not { } profile)
        {
            return (null, null);
        }

        return (entity.Reader.String(profile, "displayName", "spec.profile"), entity.Reader.String(profile, "email", "spec.profile"));
    }
}
