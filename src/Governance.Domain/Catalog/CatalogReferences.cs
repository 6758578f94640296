namespace Governance.Domain.Catalog;

/// <summary>One reference from a catalog entity to another, and whether the catalog holds its target.</summary>
public sealed record CatalogReference(string Subject, string Field, string Target, bool Resolved)
{
    public override string ToString() => Resolved
        ? $"{Subject}: {Field} '{Target}' now resolves"
        : $"{Subject}: {Field} '{Target}' is not in the catalog";
}

/// <summary>
/// The references of a catalog: owners, systems, parents, dependencies (on services or APIs) and reverse dependencies.
/// A reference to something the catalog does not hold is legal: it is kept, reported, and resolves when the target arrives.
/// </summary>
public static class CatalogReferences
{
    /// <summary>Every reference of <paramref name="services"/> and <paramref name="entities"/>, ordered by subject and field.</summary>
    public static IReadOnlyList<CatalogReference> All(IReadOnlyCollection<ServiceState> services, IReadOnlyCollection<CatalogEntity> entities)
    {
        var subjects = entities.Select(entity => entity.Subject).ToHashSet(StringComparer.Ordinal);
        var serviceIds = services.Select(service => service.Id).ToHashSet(StringComparer.Ordinal);
        var providedApis = services.SelectMany(service => service.Profile.ProvidesApis).Select(api => EntityRefs.ApiPrefix + api).ToHashSet(StringComparer.Ordinal);
        var found = new List<CatalogReference>();
        foreach (var service in services)
        {
            var profile = service.Profile;
            AddEntity(found, subjects, service.Subject, "owner", profile.Owner, EntityKinds.Group);
            AddEntity(found, subjects, service.Subject, "system", profile.System, EntityKinds.System);
            found.AddRange(service.Dependencies.Select(edge => new CatalogReference(service.Subject, "dependency", edge.Target,
                edge.IsApi ? providedApis.Contains(edge.Target) || subjects.Contains(edge.Target) : serviceIds.Contains(edge.Target))));
            found.AddRange(profile.DependencyOf.Select(caller => new CatalogReference(service.Subject, "dependencyOf", caller, serviceIds.Contains(caller))));
        }

        foreach (var entity in entities)
        {
            AddEntity(found, subjects, entity.Subject, "owner", entity.Owner, EntityKinds.Group);
            AddEntity(found, subjects, entity.Subject, "parent", entity.Parent, ParentKind(entity.Kind));
        }

        return [.. found.OrderBy(reference => reference.Subject, StringComparer.Ordinal).ThenBy(reference => reference.Field, StringComparer.Ordinal)];
    }

    /// <summary>The references whose target the catalog does not hold.</summary>
    public static IReadOnlyList<CatalogReference> Dangling(IReadOnlyCollection<ServiceState> services, IReadOnlyCollection<CatalogEntity> entities) =>
        [.. All(services, entities).Where(reference => !reference.Resolved)];

    /// <summary>The subject (<c>kind:id</c>) a reference resolves to, with <paramref name="defaultKind"/> when it names none.</summary>
    public static string SubjectOf(string reference, string defaultKind)
    {
        var (kind, ns, name) = EntityRefs.Parse(reference, defaultKind);
        return $"{kind}:{EntityRefs.Format(kind, ns, name, kind)}";
    }

    // A group's parent is a group, a system's parent its domain, an API's parent its system.
    private static string? ParentKind(string kind) => kind switch
    {
        EntityKinds.Group => EntityKinds.Group,
        EntityKinds.System => EntityKinds.Domain,
        EntityKinds.Api => EntityKinds.System,
        _ => null,
    };

    private static void AddEntity(List<CatalogReference> found, HashSet<string> subjects, string subject, string field, string? reference, string? defaultKind)
    {
        if (!string.IsNullOrEmpty(reference) && defaultKind is not null)
        {
            found.Add(new CatalogReference(subject, field, reference, subjects.Contains(SubjectOf(reference, defaultKind))));
        }
    }
}
