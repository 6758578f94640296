using Governance.Domain.Catalog;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>
/// A Backstage service's edges, each kept on the service that declares it: dependsOn and consumesApis are its dependencies,
/// dependencyOf names the services that depend on it (the graph turns those into edges; the other end is never changed).
/// </summary>
internal static class BackstageServiceEdges
{
    private const string ComponentKind = "component";
    private const string ResourceKind = "resource";

    /// <summary>dependsOn and consumesApis sorted by target as the domain keeps them; null when the descriptor states neither, so known edges are kept.</summary>
    public static IReadOnlyList<Dependency>? Dependencies(BackstageEntity entity, DictionarySourceMap sourceMap)
    {
        var edges = Distinct(entity, [.. DependsOn(entity), .. ConsumedApis(entity)]);
        edges.Sort((left, right) => string.CompareOrdinal(left.Target, right.Target));
        for (var i = 0; i < edges.Count; i++)
        {
            sourceMap.Add($"dependencies[{i}]", edges[i].Reference.Field, edges[i].Reference.Location);
        }

        var declared = entity.SpecValue("dependsOn") is not null || entity.SpecValue("consumesApis") is not null;
        return edges.Count > 0 || declared ? [.. edges.Select(edge => new Dependency(edge.Target))] : null;
    }

    /// <summary>dependencyOf as short service ids, in the order written: the services that depend on this one.</summary>
    public static IReadOnlyList<string> DependencyOf(BackstageEntity entity, DictionarySourceMap sourceMap)
    {
        var callers = Distinct(entity, ServiceRefs(entity, "dependencyOf", string.Empty));
        for (var i = 0; i < callers.Count; i++)
        {
            sourceMap.Add($"dependencyOf[{i}]", callers[i].Reference.Field, callers[i].Reference.Location);
        }

        return [.. callers.Select(caller => caller.Target)];
    }

    private static List<Declared> DependsOn(BackstageEntity entity) =>
        ServiceRefs(entity, "dependsOn", " (list APIs under consumesApis)");

    private static IEnumerable<Declared> ConsumedApis(BackstageEntity entity)
    {
        foreach (var (api, field, location) in BackstageSpecRefs.RelatedList(entity, "consumesApis", EntityKinds.Api))
        {
            yield return new Declared(EntityRefs.ApiPrefix + api, new PendingReference(EntityKinds.Api, api, field, location));
        }
    }

    /// <summary>A list of components and resources as service ids (<c>resource:artists-db</c> stays, <c>component:foo</c> becomes <c>foo</c>).</summary>
    private static List<Declared> ServiceRefs(BackstageEntity entity, string key, string apiHint)
    {
        var services = new List<Declared>();
        foreach (var (reference, field, node) in BackstageRefs.ReadList(entity, key, ComponentKind))
        {
            if (reference.Kind is ComponentKind or ResourceKind)
            {
                var target = reference.Format(ComponentKind);
                services.Add(new Declared(target, new PendingReference(ReferenceKinds.Service, target, field, entity.At(node))));
            }
            else
            {
                var hint = reference.Kind == EntityKinds.Api ? apiHint : string.Empty;
                entity.Warn(node, field, $"{key} names components and resources, not a {reference.Kind}{hint}; '{reference.Format(ComponentKind)}' ignored");
            }
        }

        return services;
    }

    /// <summary>Each target once, in the order first written; only what is kept is checked as a reference.</summary>
    private static List<Declared> Distinct(BackstageEntity entity, IEnumerable<Declared> declared)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<Declared>();
        foreach (var item in declared)
        {
            if (seen.Add(item.Target))
            {
                distinct.Add(item);
                entity.References.Add(item.Reference);
            }
            else
            {
                entity.Result.Warn(item.Reference.Location, item.Reference.Field, $"'{item.Target}' is listed more than once; kept once");
            }
        }

        return distinct;
    }

    /// <summary>A target as the descriptor declares it, with the reference to check and where it is written.</summary>
    private sealed record Declared(string Target, PendingReference Reference);
}
