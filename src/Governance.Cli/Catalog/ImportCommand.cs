using System.CommandLine;
using Governance.Cli.Infrastructure;
using Governance.Integrations.Import;

namespace Governance.Cli.Catalog;

/// <summary><c>governance import PATH...</c>: reads fleet-format and Backstage files and applies them all-or-nothing.</summary>
public sealed class ImportCommand
{
    private readonly Argument<string[]> Paths = new("path")
    {
        Description = "Catalog files or directories (searched for *.yaml and *.yml): the fleet format or Backstage descriptors",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> DryRun = new("--dry-run") { Description = "Check and report what would change, then change nothing" };

    private readonly Option<bool> SkipInvalid = new("--skip-invalid") { Description = "Import the valid entities and list the invalid ones, instead of importing nothing" };

    public static Command Create(CommandBinder binder) => new ImportCommand().Build(binder);

    private Command Build(CommandBinder binder) =>
        binder.Bind(new Command("import", "Import catalog files into the store, all or nothing") { Paths, DryRun, SkipInvalid }, RunAsync);

    private async Task<int> RunAsync(Invocation run)
    {
        await using var store = await run.OpenStoreAsync();
        var outcome = await CatalogImport.RunAsync(store, run.Get(Paths) ?? [], new ImportOptions(run.Get(SkipInvalid)), run.Actor, run.Get(DryRun), run.Context.Time, run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(ImportReport.From(outcome));
        }
        else
        {
            ImportReport.Print(outcome, run.Context);
        }

        return outcome.Rejected ? ExitCodes.InvalidInput : ExitCodes.Success;
    }
}
