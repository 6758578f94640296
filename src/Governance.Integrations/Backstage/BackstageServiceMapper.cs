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
        var sourceMap = SourceMap(entity, title is not null);
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
            DependencyOf = BackstageServiceEdges.DependencyOf(entity, sourceMap),
            Annotations = annotations,
        }, annotations);

        var subject = id.Length > 0 ? $"service:{id}" : $"{kind} (no metadata.name)";
        var command = new DefineService(profile) { Mode = DefinitionMode.Merge, Dependencies = BackstageServiceEdges.Dependencies(entity, sourceMap) };
        var draft = new ServiceDraft(subject, entity.Location, entity.Errors, command)
        {
            IdSource = ("metadata.name", entity.NameLocation),
            HasId = id.Length > 0,
        };
        draft.References.AddRange(entity.References);
        DraftValidation.Validate(draft, sourceMap);
        return draft;
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
