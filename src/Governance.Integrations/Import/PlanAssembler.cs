using Governance.Integrations.Backstage;

namespace Governance.Integrations.Import;

/// <summary>Turns what the files held into the plan: settles Backstage's group relations, finds duplicate ids and dangling references, sorts problems.</summary>
internal static class PlanAssembler
{
    public static CatalogImportPlan Assemble(ImportSession session, ImportOptions options)
    {
        var errors = new List<ImportProblem>(session.Errors);
        var warnings = new List<ImportProblem>(session.Warnings);
        var services = session.Results.SelectMany(result => result.Services).ToList();
        var entities = session.Results.SelectMany(result => result.Entities).ToList();
        foreach (var result in session.Results)
        {
            errors.AddRange(result.Errors);
            warnings.AddRange(result.Warnings);
        }

        BackstageRelations.Apply(entities, session.Results.SelectMany(result => result.Relations), warnings);
        MarkDuplicates(services);
        MarkDuplicates(entities);
        var skipped = new List<SkippedEntity>();
        var unusable = session.Results.SelectMany(result => result.Unusable).ToList();

        // A document no reader could use is never dropped without a word, even when its reader found nothing to say.
        foreach (var draft in unusable.Where(draft => draft.Errors.Count == 0))
        {
            draft.Errors.Add(new ImportProblem(draft.Location, "kind", "this document could not be read as any kind this import knows"));
        }

        var invalid = services.Concat<Draft>(entities).Concat(unusable).Where(draft => draft.Errors.Count > 0);
        foreach (var draft in invalid)
        {
            if (options.SkipInvalid)
            {
                skipped.Add(new SkippedEntity(draft.Subject, draft.Location, [.. Sorted(draft.Errors, session.Files)]));
            }
            else
            {
                errors.AddRange(draft.Errors);
            }
        }

        var validServices = services.Where(draft => draft.Errors.Count == 0).ToList();
        var validEntities = entities.Where(draft => draft.Errors.Count == 0).ToList();

        // Only what is imported resolves a reference: a skipped or invalid definition must not hide a dangling one.
        var references = new ReferenceCheck(validServices, validEntities);
        foreach (var draft in validServices.Concat<Draft>(validEntities))
        {
            references.Check(draft, warnings);
        }

        return new CatalogImportPlan(
            session.Files,
            [.. validServices.Select(draft => new ImportedService(draft.Command, draft.Location))],
            [.. validEntities.Select(draft => new ImportedEntity(draft.Command, draft.Location))],
            Sorted(errors, session.Files),
            Sorted(warnings, session.Files),
            skipped);
    }

    /// <summary>Every definition after the first with the same subject is a duplicate; its error names both places.</summary>
    private static void MarkDuplicates(IEnumerable<Draft> drafts)
    {
        var first = new Dictionary<string, Draft>(StringComparer.Ordinal);
        foreach (var draft in drafts.Where(draft => draft.HasId))
        {
            if (!first.TryAdd(draft.Subject, draft))
            {
                var (field, location) = draft.IdSource;
                draft.Errors.Add(new ImportProblem(location, field, $"duplicate id: {draft.Subject} is defined here and at {first[draft.Subject].IdSource.Location}"));
            }
        }
    }

    /// <summary>Problems in the order of the files, then by line and column.</summary>
    private static List<ImportProblem> Sorted(List<ImportProblem> problems, List<string> files)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            order.TryAdd(files[i], i);
        }

        return [.. problems
            .OrderBy(problem => order.GetValueOrDefault(problem.Location.File, -1))
            .ThenBy(problem => problem.Location.Line)
            .ThenBy(problem => problem.Location.Column)];
    }
}
