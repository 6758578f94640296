namespace Governance.Domain.Catalog;

/// <summary>A reference to something the catalog does not hold (yet): legal, kept, and reported.</summary>
public sealed record DanglingReference(string Subject, string Field, string Target)
{
    public override string ToString() => $"{Subject}: {Field} '{Target}' is not in the catalog";
}

/// <summary>Finds the references in a catalog that point at nothing: owners, systems, dependencies and APIs.</summary>
public static class DanglingReferences
{
    /// <summary>Every dangling reference of <paramref name="services"/> and <paramref name="entities"/>, ordered by subject.</summary>
    public static IReadOnlyList<DanglingReference> Find(IReadOnlyCollection<ServiceState> services, IReadOnlyCollection<CatalogEntity> entities)
    {
        var subjects = entities.Select(entity => entity.Subject).ToHashSet(StringComparer.Ordinal);
        var serviceIds = services.Select(service => service.Id).ToHashSet(StringComparer.Ordinal);
        var providedApis = services.SelectMany(service => service.Profile.ProvidesApis).Select(api => EntityRefs.ApiPrefix + api).ToHashSet(StringComparer.Ordinal);
        var found = new List<DanglingReference>();
        foreach (var service in services)
        {
            var profile = service.Profile;
            CheckEntity(found, subjects, service.Subject, "owner", profile.Owner, EntityKinds.Group);
            CheckEntity(found, subjects, service.Subject, "system", profile.System, EntityKinds.System);
            foreach (var edge in service.Dependencies)
            {
                var known = edge.IsApi ? providedApis.Contains(edge.Target) || subjects.Contains(edge.Target) : serviceIds.Contains(edge.Target);
                if (!known)
                {
                    found.Add(new DanglingReference(service.Subject, "dependency", edge.Target));
                }
            }
        }

        foreach (var entity in entities)
        {
            CheckEntity(found, subjects, entity.Subject, "owner", entity.Owner, EntityKinds.Group);
            var parentKind = entity.Kind switch
            {
                EntityKinds.Group => EntityKinds.Group,
                EntityKinds.System => EntityKinds.Domain,
                EntityKinds.Api => EntityKinds.System,
                _ => null,
            };
            if (parentKind is not null)
            {
                CheckEntity(found, subjects, entity.Subject, "parent", entity.Parent, parentKind);
            }
        }

        return [.. found.OrderBy(reference => reference.Subject, StringComparer.Ordinal).ThenBy(reference => reference.Field, StringComparer.Ordinal)];
    }

    /// <summary>The subject (<c>kind:id</c>) a reference resolves to, with <paramref name="defaultKind"/> when it names none.</summary>
    public static string SubjectOf(string reference, string defaultKind)
    {
        var (kind, ns, name) = EntityRefs.Parse(reference, defaultKind);
        return $"{kind}:{EntityRefs.Format(kind, ns, name, kind)}";
    }

    private static void CheckEntity(List<DanglingReference> found, HashSet<string> subjects, string subject, string field, string? reference, string defaultKind)
    {
        if (!string.IsNullOrEmpty(reference) && !subjects.Contains(SubjectOf(reference, defaultKind)))
        {
            found.Add(new DanglingReference(subject, field, reference));
        }
    }
}
