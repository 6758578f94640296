using System.CommandLine;
using Governance.Application.Catalog;
using Governance.Cli.Catalog;
using Governance.Cli.Infrastructure;
using Governance.Integrations.Import;

namespace Governance.Cli.Demo;

/// <summary><c>governance demo</c>: a fresh embedded store loaded with the demo fleet, and an overview of it.</summary>
public static class DemoCommand
{
    public const string DefaultDatabase = "governance-demo.db";

    /// <summary>The demo fleet shipped beside the executable.</summary>
    public static string FleetFile => Path.Combine(AppContext.BaseDirectory, "Demo", "demo-fleet.yaml");

    public static Command Create(CommandBinder binder) => binder.Bind(
        new Command("demo", $"Create a fresh SQLite store (./{DefaultDatabase}, or --db FILE), load the demo fleet of a communications platform, and show an overview"),
        RunAsync);

    private static async Task<int> RunAsync(Invocation run)
    {
        var database = Path.GetFullPath(run.ExplicitDatabase ?? DefaultDatabase);
        Prepare(database, replaceable: run.ExplicitDatabase is null);
        await using var store = await run.OpenStoreAsync(database);
        var outcome = await CatalogImport.RunAsync(store, [FleetFile], new ImportOptions(), "demo", dryRun: false, run.Context.Time, run.CancellationToken);
        if (outcome.Rejected)
        {
            ImportPrinter.Print(ImportReport.From(outcome), run.Context);
            return ExitCodes.InvalidInput;
        }

        var overview = await FleetOverview.LoadAsync(store, outcome, run.CancellationToken);
        var audit = await DemoAudit.RunAsync(store, run);
        if (run.Json)
        {
            run.WriteJson(new { Overview = overview, Audit = audit });
        }
        else
        {
            FleetOverview.Print(overview, run.Context.Console);
            DemoAudit.Print(audit, run.Context.Console);
            var db = Path.GetRelativePath(Environment.CurrentDirectory, database);
            run.Context.Console.WriteLine($"Explore it: governance --db {db} risks {DemoAudit.Hub}   ·   governance --db {db} similar {DemoAudit.Hub}   ·   governance --db {db} audit show");
        }

        return ExitCodes.Success;
    }

    // The demo always starts from nothing; it replaces only its own default file, never one the user named.
    private static void Prepare(string database, bool replaceable)
    {
        if (database.Contains('=', StringComparison.Ordinal) || database.Contains("://", StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.Usage, "the demo creates a fresh embedded SQLite store: give --db a file path, not a connection string");
        }

        if (!File.Exists(database))
        {
            return;
        }

        if (!replaceable)
        {
            throw new CliException(ExitCodes.Usage, $"{database} exists; the demo needs a fresh store: remove it or name another file");
        }

        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }
}
