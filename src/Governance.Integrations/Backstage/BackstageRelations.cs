using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>
/// Settles what Backstage declares from the other end once every file is read: dependencyOf (the named service depends on
/// the declaring one), a group's children (their parent) and members (their groups); then fixes each service's edges.
/// </summary>
internal static class BackstageRelations
{
    public static void Apply(IReadOnlyList<ServiceDraft> services, IReadOnlyList<EntityDraft> entities, IEnumerable<PendingRelation> relations, List<ImportProblem> warnings)
    {
        var servicesById = FirstById(services, draft => draft.Command.Profile.Id);
        var groups = FirstById(entities.Where(draft => draft.Command.Entity.Kind == EntityKinds.Group), draft => draft.Command.Entity.Id);
        var users = FirstById(entities.Where(draft => draft.Command.Entity.Kind == EntityKinds.User), draft => draft.Command.Entity.Id);
        foreach (var relation in relations.Where(relation => EntityRefs.IsValidId(relation.SourceId)))
        {
            var (applied, kindWord) = relation.Kind switch
            {
                RelationKind.DependencyOf => (servicesById.TryGetValue(relation.TargetId, out var service) && AddEdge(service, relation), "service"),
                RelationKind.Child => (groups.TryGetValue(relation.TargetId, out var group) && SetParent(group, relation, warnings), "group"),
                _ => (users.TryGetValue(relation.TargetId, out var user) && AddMembership(user, relation), "user"),
            };
            if (!applied)
            {
                var message = $"{kindWord} '{relation.TargetId}' is not defined in the imported files; this relation is not recorded";
                warnings.Add(new ImportProblem(relation.Location, relation.Field, message));
            }
        }
    }

    /// <summary>Turns a Backstage service's pending edges into its sorted dependencies, and validates it.</summary>
    public static void Settle(ServiceDraft draft, List<ImportProblem> warnings)
    {
        if (draft.PendingEdges is not { } pending || draft.SourceMap is not DictionarySourceMap sourceMap)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var edges = new List<PendingEdge>(pending.Count);
        foreach (var edge in pending)
        {
            if (seen.Add(edge.Target))
            {
                edges.Add(edge);
            }
            else
            {
                warnings.Add(new ImportProblem(edge.Location, edge.Field, $"'{edge.Target}' is listed more than once; kept once"));
            }
        }

        edges.Sort((left, right) => string.CompareOrdinal(left.Target, right.Target));
        for (var i = 0; i < edges.Count; i++)
        {
            sourceMap.Add($"dependencies[{i}]", edges[i].Field, edges[i].Location);
        }

        draft.Command = draft.Command with
        {
            Dependencies = edges.Count > 0 || draft.EdgesDeclared ? [.. edges.Select(edge => new Dependency(edge.Target))] : null,
        };
        draft.PendingEdges = null;
        DraftValidation.Validate(draft, sourceMap);
    }

    private static bool AddEdge(ServiceDraft target, PendingRelation relation)
    {
        if (target.PendingEdges is { } pending)
        {
            if (!pending.Exists(edge => edge.Target == relation.SourceId))
            {
                pending.Add(new PendingEdge(relation.SourceId, relation.Field, relation.Location));
            }

            return true;
        }

        // A fleet-format service, already validated: the new edge is a valid id and not a duplicate.
        var existing = target.Command.Dependencies ?? [];
        if (!existing.Any(edge => edge.Target == relation.SourceId) && relation.SourceId != target.Command.Profile.Id)
        {
            target.Command = target.Command with
            {
                Dependencies = [.. existing.Append(new Dependency(relation.SourceId)).OrderBy(edge => edge.Target, StringComparer.Ordinal)],
            };
        }

        return true;
    }

    private static bool SetParent(EntityDraft child, PendingRelation relation, List<ImportProblem> warnings)
    {
        var entity = child.Command.Entity;
        if (entity.Parent is null)
        {
            child.Command = new DefineEntity(entity with { Parent = relation.SourceId });
        }
        else if (entity.Parent != relation.SourceId)
        {
            warnings.Add(new ImportProblem(relation.Location, relation.Field, $"group '{entity.Id}' names '{entity.Parent}' as its parent; its parent is not changed"));
        }

        return true;
    }

    private static bool AddMembership(EntityDraft user, PendingRelation relation)
    {
        var entity = user.Command.Entity;
        if (!entity.MemberOf.Contains(relation.SourceId))
        {
            user.Command = new DefineEntity(entity with { MemberOf = [.. entity.MemberOf, relation.SourceId] });
        }

        return true;
    }

    private static Dictionary<string, T> FirstById<T>(IEnumerable<T> drafts, Func<T, string> id)
        where T : Draft
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var draft in drafts.Where(draft => draft.HasId))
        {
            byId.TryAdd(id(draft), draft);
        }

        return byId;
    }
}
