using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.Import;

namespace Governance.Integrations.Backstage;

/// <summary>Settles what a Backstage group declares about other entities once every file is read: its children's parent and its members' groups.</summary>
internal static class BackstageRelations
{
    public static void Apply(IReadOnlyList<EntityDraft> entities, IEnumerable<PendingRelation> relations, List<ImportProblem> warnings)
    {
        var groups = FirstById(entities.Where(draft => draft.Command.Entity.Kind == EntityKinds.Group));
        var users = FirstById(entities.Where(draft => draft.Command.Entity.Kind == EntityKinds.User));
        foreach (var relation in relations.Where(relation => EntityRefs.IsValidId(relation.SourceId)))
        {
            var (applied, kindWord) = relation.Kind switch
            {
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

    private static Dictionary<string, EntityDraft> FirstById(IEnumerable<EntityDraft> drafts)
    {
        var byId = new Dictionary<string, EntityDraft>(StringComparer.Ordinal);
        foreach (var draft in drafts.Where(draft => draft.HasId))
        {
            byId.TryAdd(draft.Command.Entity.Id, draft);
        }

        return byId;
    }
}
