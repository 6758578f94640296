using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>
/// Maps a Component or Resource to a service definition in merge mode: Backstage knows ownership, placement and edges,
/// not footprints or facts, so what it leaves out is kept from earlier imports.
/// </summary>
internal static class BackstageServiceMapper
{
    private const string ComponentKind = "component";
    private const string ResourceKind = "resource";

    public static ServiceDraft Map(BackstageEntity entity)
    {
        var isComponent = entity.Kind == BackstageKinds.Component;
        entity.RequireSpec(isComponent ? ["type", "lifecycle", "owner"] : ["type", "owner"]);
        var kind = isComponent ? ComponentKind : ResourceKind;
        var id = entity.Name.Length > 0 ? EntityRefs.Format(kind, entity.Namespace, entity.Name, ComponentKind) : string.Empty;
        var annotations = BackstageAnnotations.Read(entity);
        Subcomponent(entity, annotations);
        var title = entity.MetadataString("title");
        var profile = BackstageAnnotations.ApplyFacts(entity, new ServiceProfile(id, title ?? entity.Name)
        {
            Kind = kind,
            Type = entity.SpecString("type"),
            Description = entity.MetadataString("description")?.TrimEnd(),
            Owner = BackstageSpecRefs.Owner(entity),
            Lifecycle = entity.SpecString("lifecycle"),
            System = BackstageSpecRefs.Related(entity, "system", EntityKinds.System),
            Tags = entity.Reader.StringList(entity.Metadata, "tags", "metadata"),
            ProvidesApis = ProvidedApis(entity),
            Annotations = annotations,
        }, annotations);

        var subject = id.Length > 0 ? $"service:{id}" : $"{kind} (no metadata.name)";
        var draft = new ServiceDraft(subject, entity.Location, entity.Errors, new DefineService(profile) { Mode = DefinitionMode.Merge })
        {
            PendingEdges = Edges(entity),
            EdgesDeclared = entity.SpecValue("dependsOn") is not null || entity.SpecValue("consumesApis") is not null,
            SourceMap = SourceMap(entity, title is not null),
            IdSource = ("metadata.name", entity.NameLocation),
            HasId = id.Length > 0,
        };
        ReverseEdges(entity, id);
        draft.References.AddRange(entity.References);
        return draft;
    }

    private static List<PendingEdge> Edges(BackstageEntity entity)
    {
        var edges = new List<PendingEdge>();
        foreach (var (reference, field, node) in BackstageRefs.ReadList(entity, "dependsOn", ComponentKind))
        {
            if (reference.Kind is ComponentKind or ResourceKind)
            {
                var target = reference.Format(ComponentKind);
                edges.Add(new PendingEdge(target, field, entity.At(node)));
                entity.References.Add(new PendingReference(ReferenceKinds.Service, target, field, entity.At(node)));
            }
            else
            {
                var hint = reference.Kind == EntityKinds.Api ? " (list APIs under consumesApis)" : string.Empty;
                entity.Warn(node, field, $"dependsOn names components and resources, not a {reference.Kind}{hint}; '{reference.Format(ComponentKind)}' ignored");
            }
        }

        foreach (var (api, field, location) in BackstageSpecRefs.RelatedList(entity, "consumesApis", EntityKinds.Api))
        {
            edges.Add(new PendingEdge(EntityRefs.ApiPrefix + api, field, location));
            entity.References.Add(new PendingReference(EntityKinds.Api, api, field, location));
        }

        return edges;
    }

    /// <summary>dependencyOf on this entity naming B means B depends on this one; B may be in another file, so it is settled later.</summary>
    private static void ReverseEdges(BackstageEntity entity, string id)
    {
        foreach (var (reference, field, node) in BackstageRefs.ReadList(entity, "dependencyOf", ComponentKind))
        {
            if (reference.Kind is ComponentKind or ResourceKind)
            {
                entity.Result.Relations.Add(new PendingRelation(RelationKind.DependencyOf, id, reference.Format(ComponentKind), field, entity.At(node)));
            }
            else
            {
                entity.Warn(node, field, $"dependencyOf names components and resources, not a {reference.Kind}; '{reference.Format(ComponentKind)}' ignored");
            }
        }
    }

    private static List<string> ProvidedApis(BackstageEntity entity)
    {
        var apis = new List<string>();
        foreach (var (api, field, location) in BackstageSpecRefs.RelatedList(entity, "providesApis", EntityKinds.Api))
        {
            apis.Add(api);
            entity.References.Add(new PendingReference(ReferenceKinds.ApiEntity, api, field, location));
        }

        return apis;
    }

    /// <summary>subcomponentOf has no place in the profile; it is kept as the annotation governance.io/subcomponent-of.</summary>
    private static void Subcomponent(BackstageEntity entity, SortedDictionary<string, string> annotations)
    {
        if (BackstageRefs.ReadSpec(entity, "subcomponentOf", ComponentKind) is not { } parent)
        {
            return;
        }

        var node = entity.SpecValue("subcomponentOf")!;
        annotations[BackstageAnnotations.SubcomponentOf] = parent.Format(ComponentKind);
        entity.References.Add(new PendingReference(ReferenceKinds.Service, parent.Format(ComponentKind), "spec.subcomponentOf", entity.At(node)));
    }

    private static DictionarySourceMap SourceMap(BackstageEntity entity, bool hasTitle)
    {
        var map = new DictionarySourceMap(entity.Location);
        map.Add("id", "metadata.name", entity.NameLocation);
        map.Add("name", hasTitle ? "metadata.title" : "metadata.name", hasTitle ? entity.At(entity.Metadata.Get("title")!) : entity.NameLocation);
        if (BackstageAnnotations.Node(entity, BackstageAnnotations.Tier) is { } tier)
        {
            map.Add("tier", BackstageAnnotations.Field(BackstageAnnotations.Tier), entity.At(tier));
        }

        return map;
    }
}
