using Governance.Application.Catalog;
using Governance.Cli.Infrastructure;
using Governance.Integrations.Import;
using Governance.Storage;

namespace Governance.Cli.Catalog;

/// <summary>What <c>import</c> tells a person or a script.</summary>
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

    /// <summary>Prints <paramref name="outcome"/> for a person: errors to standard error, the summary to standard output.</summary>
    public static void Print(ImportOutcome outcome, CliContext context)
    {
        var report = From(outcome);
        foreach (var error in report.Errors)
        {
            context.Error.WriteLine($"error: {error}");
        }

        if (report.Errors.Count > 0)
        {
            context.Error.WriteLine($"Nothing was imported: {report.Errors.Count} error(s) in {report.Files} file(s).");
            return;
        }

        foreach (var line in report.Warnings.Concat(report.Dangling))
        {
            context.Console.WriteLine($"warning: {line}");
        }

        foreach (var line in report.Skipped)
        {
            context.Console.WriteLine($"skipped: {line}");
        }

        foreach (var line in report.Resolved)
        {
            context.Console.WriteLine($"resolved: {line}");
        }

        context.Console.WriteLine(Summary(report));
    }

    private static string Summary(ImportReport report)
    {
        var total = report.Created + report.Updated + report.Unchanged;
        if (report.Created + report.Updated == 0)
        {
            return $"No changes: all {total} entities in {report.Files} file(s) already match the store.";
        }

        var verb = report.DryRun ? "Dry run, nothing written: would create" : "Imported";
        var created = report.DryRun ? $"{report.Created}" : $"{report.Created} created";
        var counts = report.DryRun
            ? $"{verb} {created}, update {report.Updated}, leave {report.Unchanged} unchanged"
            : $"{verb} {report.Files} file(s): {created}, {report.Updated} updated, {report.Unchanged} unchanged";
        return $"{counts} ({total} entities).";
    }

    private static string Where(Dictionary<string, SourceLocation> locations, string subject) =>
        locations.TryGetValue(subject, out var location) ? $"{location.File}:{location.Line}:{location.Column}: " : string.Empty;
}
