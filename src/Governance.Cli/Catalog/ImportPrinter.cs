using Governance.Application.Catalog;
using Governance.Cli.Infrastructure;

namespace Governance.Cli.Catalog;

/// <summary>Prints an import's report for a person, the same whether the store was written here or by a server.</summary>
public static class ImportPrinter
{
    /// <summary>Errors to standard error; warnings, skipped entities, resolved references and the summary to standard output.</summary>
    public static void Print(ImportReport report, CliContext context)
    {
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
        if (total == 0)
        {
            // Nothing read is not the same as nothing changed: say which it was.
            var left = report.Skipped.Count > 0 ? " that could be imported (see skipped above)" : string.Empty;
            return report.Files == 0
                ? "Nothing to import: no catalog file was read."
                : $"Nothing to import: {report.Files} file(s) held no service or entity{left}.";
        }

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
}
