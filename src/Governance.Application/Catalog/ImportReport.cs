using Governance.Integrations.Import;
using Governance.Storage;

namespace Governance.Application.Catalog;

/// <summary>What an import tells a person or a script: the JSON of <c>import --json</c> and of the server's <c>POST /api/imports</c>.</summary>
public sealed record ImportReport(
    bool DryRun,
    bool Applied,
    int Files,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Dangling,
    IReadOnlyList<string> Resolved,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<SubjectChange> Changes)
{

    /// <summary>The report of <paramref name="outcome"/>.</summary>
    public static ImportReport From(ImportOutcome outcome)
    {
        var plan = outcome.Plan;
        var batch = outcome.Batch;
        var locations = plan.Services.ToDictionary(service => $"service:{service.Command.Profile.Id}", service => service.Location, StringComparer.Ordinal);
        foreach (var entity in plan.Entities)
        {
            locations.TryAdd(entity.Command.Entity.Subject, entity.Location);
        }

        var rejections = batch?.Changes.Where(change => change.Kind == ChangeKind.Rejected)
            .SelectMany(change => change.Errors.Select(error => $"{Where(locations, change.Subject)}{change.Subject}: {error}")) ?? [];

        // Reference warnings from the files alone give way to the check against the whole store (Dangling).
        return new ImportReport(
            outcome.DryRun,
            batch is { Applied: true } && !outcome.DryRun,
            plan.Files.Count,
            batch?.Created ?? 0,
            batch?.Updated ?? 0,
            batch?.Unchanged ?? 0,
            [.. plan.Errors.Select(error => error.ToString()), .. rejections],
            [.. plan.Warnings.Where(warning => warning.Kind != ProblemKind.Reference).Select(warning => warning.ToString())],
            [.. outcome.Dangling.Select(reference => reference.ToString())],
            [.. outcome.Resolved.Select(reference => reference.ToString())],
            [.. plan.Skipped.SelectMany(skipped => skipped.Problems.Select(problem => $"{skipped.Reference}: {problem}"))],
            batch?.Changes.Where(change => change.Kind is ChangeKind.Created or ChangeKind.Updated).ToList() ?? []);
    }

    private static string Where(Dictionary<string, SourceLocation> locations, string subject) =>
        locations.TryGetValue(subject, out var location) ? $"{location.File}:{location.Line}:{location.Column}: " : string.Empty;
}
