using System.CommandLine;
using System.Net;
using System.Text.Json;
using Governance.Application.Catalog;
using Governance.Cli.Infrastructure;
using Governance.Cli.Remote;
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
        binder.Bind(new Command("import", "Import catalog files into the store, all or nothing") { _paths, _dryRun, _skipInvalid }, RunAsync, remote: true);

    private async Task<int> RunAsync(Invocation run)
    {
        var report = run.Server is { } server ? await ImportThroughAsync(server, run) : await ImportAsync(run);
        if (run.Json)
        {
            run.WriteJson(report);
        }
        else
        {
            ImportPrinter.Print(report, run.Context);
        }

        return report.Errors.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Success;
    }

    private async Task<ImportReport> ImportAsync(Invocation run)
    {
        await using var store = await run.OpenStoreAsync();
        var outcome = await CatalogImport.RunAsync(store, run.Get(_paths) ?? [], new ImportOptions(run.Get(_skipInvalid)), run.Actor, run.Get(_dryRun), run.Context.Time, run.CancellationToken);
        return ImportReport.From(outcome);
    }

    // The files travel to the server under the names the import would print; the server answers with the same report.
    private async Task<ImportReport> ImportThroughAsync(Uri server, Invocation run)
    {
        var missing = new List<ImportProblem>();
        var passedOver = new List<ImportProblem>();
        var files = CatalogReader.ExpandPaths(run.Get(_paths) ?? [], missing, passedOver);
        var warnings = passedOver.Select(problem => problem.ToString()).ToList();
        if (missing.Count > 0 || files.Count == 0)
        {
            return new ImportReport(run.Get(_dryRun), false, files.Count, 0, 0, 0, [.. missing.Select(problem => problem.ToString())], warnings, [], [], [], []);
        }

        var contents = new List<object>(files.Count);
        foreach (var file in files)
        {
            contents.Add(new { Path = file, Content = await ReadAsync(file, run.CancellationToken) });
        }

        using var client = new ServerClient(server, run.ServerToken, run.Context.Time);
        var answer = await client.SendAsync(HttpMethod.Post, "api/imports", new { Files = contents, DryRun = run.Get(_dryRun), SkipInvalid = run.Get(_skipInvalid) }, run.CancellationToken);
        if (answer.Status is not (HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity) || !answer.Body.TryGetProperty("applied", out _))
        {
            throw ServerClient.Failure(answer, "import");
        }

        // What the search here passed over (links, special files) was never sent: the server cannot say it.
        var report = answer.Body.Deserialize<ImportReport>(CliJson.Options)!;
        return warnings.Count == 0 ? report : report with { Warnings = [.. warnings, .. report.Warnings] };
    }

    private static async Task<string> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, $"{file}: cannot be read: {failure.Message}");
        }
    }
}
