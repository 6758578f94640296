using Governance.Domain.Catalog;

namespace Governance.Integrations.Import;

/// <summary>Finds references to services and entities that the imported files do not define; they are legal and become warnings.</summary>
internal sealed class ReferenceCheck
{
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private readonly HashSet<string> _providedApis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _entities = new(StringComparer.Ordinal);

    public ReferenceCheck(IEnumerable<ServiceDraft> services, IEnumerable<EntityDraft> entities)
    {
        foreach (var service in services.Where(draft => draft.HasId))
        {
            _services.Add(service.Command.Profile.Id);
            _providedApis.UnionWith(service.Command.Profile.ProvidesApis);
        }

        foreach (var entity in entities.Where(draft => draft.HasId))
        {
            var kind = entity.Command.Entity.Kind;
            if (!_entities.TryGetValue(kind, out var ids))
            {
                _entities[kind] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(entity.Command.Entity.Id);
        }
    }

    public void Check(Draft draft, List<ImportProblem> warnings)
    {
        foreach (var reference in draft.References)
        {
            if (!Exists(reference.Kind, reference.Id))
            {
                warnings.Add(new ImportProblem(reference.Location, reference.Field,
                    $"{Describe(reference.Kind)} '{reference.Id}' is not defined in the imported files; the reference is kept and resolves once it is imported", ProblemKind.Reference));
            }
        }
    }

    private bool Exists(string kind, string id) => kind switch
    {
        ReferenceKinds.Service => _services.Contains(id),
        EntityKinds.Api => _providedApis.Contains(id) || HasEntity(EntityKinds.Api, id),
        ReferenceKinds.ApiEntity => HasEntity(EntityKinds.Api, id),
        _ => HasEntity(kind, id),
    };

    private bool HasEntity(string kind, string id) => _entities.TryGetValue(kind, out var ids) && ids.Contains(id);

    private static string Describe(string kind) => kind switch
    {
        ReferenceKinds.ApiEntity or EntityKinds.Api => "API",
        _ => kind,
    };
}
