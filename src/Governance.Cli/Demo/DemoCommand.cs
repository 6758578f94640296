using System.CommandLine;
using Governance.Application.Catalog;
using Governance.Cli.Catalog;
using Governance.Cli.Infrastructure;
using Governance.Cli.Serving;
using Governance.Integrations.Import;

namespace Governance.Cli.Demo;

/// <summary><c>governance demo</c>: a fresh embedded store loaded with the demo fleet, and an overview of it.</summary>
public static class DemoCommand
{
    public const string DefaultDatabase = "governance-demo.db";

    /// <summary>The demo fleet shipped beside the executable.</summary>
    public static string FleetFile => Path.Combine(AppContext.BaseDirectory, "Demo", "demo-fleet.yaml");

    private static readonly Option<bool> Serve = new("--serve") { Description = "Then create a demo sign-in per role and serve the web app until stopped" };

    private static readonly Option<string?> Urls = new("--urls") { Description = $"With --serve, where to listen. Default: {ServeCommand.DefaultUrls}" };

    public static Command Create(CommandBinder binder) => binder.Bind(
        new Command("demo", $"Create a fresh SQLite store (./{DefaultDatabase}, or --db FILE), load the demo fleet of a communications platform, and show an overview") { Serve, Urls },
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
        var signIns = run.Get(Serve) ? await DemoAccounts.CreateAsync(store, run.Context.Time, run.CancellationToken) : [];
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

        if (!run.Get(Serve))
        {
            return ExitCodes.Success;
        }

        await store.DisposeAsync();
        return await ServeCommand.ServeAsync(run, database, run.Get(Urls), app => PrintSignIns(run, app, signIns));
    }

    private static void PrintSignIns(Invocation run, IReadOnlyList<string> addresses, IReadOnlyList<(string Name, string Role, string Password)> signIns)
    {
        var console = run.Context.Console;
        console.WriteLine();
        console.WriteLine($"The web app is at {string.Join(" ", addresses)} — sign in as (passwords are new each run):");
        foreach (var (name, role, password) in signIns)
        {
            console.WriteLine($"  {name,-6} {password}   {role}");
        }

        console.WriteLine("Stop it with Ctrl+C.");
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
