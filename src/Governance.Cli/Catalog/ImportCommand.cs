using System.CommandLine;
using Governance.Application.Catalog;
using Governance.Cli.Infrastructure;
using Governance.Integrations.Import;

namespace Governance.Cli.Catalog;

/// <summary><c>governance import PATH...</c>: reads fleet-format and Backstage files and applies them all-or-nothing.</summary>
public sealed class ImportCommand
{
    private readonly Argument<string[]> _paths = new("path")
    {
        Description = "Catalog files or directories (searched for *.yaml and *.yml): the fleet format or Backstage descriptors",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Check and report what would change, then change nothing" };

    private readonly Option<bool> _skipInvalid = new("--skip-invalid") { Description = "Import the valid entities and list the invalid ones, instead of importing nothing" };

    public static Command Create(CommandBinder binder) => new ImportCommand().Build(binder);

    private Command Build(CommandBinder binder) =>
        binder.Bind(new Command("import", "Import catalog files into the store, all or nothing") { _paths, _dryRun, _skipInvalid }, RunAsync);

    private async Task<int> RunAsync(Invocation run)
    {
        await using var store = await run.OpenStoreAsync();
        var outcome = await CatalogImport.RunAsync(store, run.Get(_paths) ?? [], new ImportOptions(run.Get(_skipInvalid)), run.Actor, run.Get(_dryRun), run.Context.Time, run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(ImportReport.From(outcome));
        }
        else
        {
            ImportPrinter.Print(ImportReport.From(outcome), run.Context);
        }

        return outcome.Rejected ? ExitCodes.InvalidInput : ExitCodes.Success;
    }
}
