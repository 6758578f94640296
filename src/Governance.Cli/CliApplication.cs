using System.CommandLine;
using Governance.Cli.Auditing;
using Governance.Cli.Bench;
using Governance.Cli.Catalog;
using Governance.Cli.Demo;
using Governance.Cli.Exports;
using Governance.Cli.Generation;
using Governance.Cli.History;
using Governance.Cli.Identity;
using Governance.Cli.Infrastructure;
using Governance.Cli.Serving;

namespace Governance.Cli;

/// <summary>The <c>governance</c> command line: every capability as a command.</summary>
public static class CliApplication
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }

            await context.Error.WriteLineAsync("Run 'governance --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error }, cancellationToken);
    }

    /// <summary>The whole command tree.</summary>
    public static RootCommand Build(CliContext context)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Governance: reliability governance and risk assessment for a fleet of services.");
        foreach (var option in options.All)
        {
            root.Add(option);
        }

        var bind = new CommandBinder(options, context);
        root.Add(InitCommand.Create(bind));
        root.Add(ImportCommand.Create(bind));
        root.Add(ServicesCommand.Create(bind));
        root.Add(EntitiesCommand.Create(bind));
        root.Add(HistoryCommand.Create(bind));
        root.Add(PoliciesCommand.Create(bind));
        root.Add(PoliciesCommand.CreateFacts(bind));
        root.Add(AuditCommand.Create(bind));
        root.Add(RisksCommand.Create(bind));
        root.Add(SimilarCommand.Create(bind));
        root.Add(WaiveCommand.Create(bind));
        root.Add(UnwaiveCommand.Create(bind));
        root.Add(UsersCommand.Create(bind));
        root.Add(WaiversCommand.Create(bind));
        root.Add(ExportCommand.Create(bind));
        root.Add(DemoCommand.Create(bind));
        root.Add(GenerateCommand.Create(bind));
        root.Add(ServeCommand.Create(bind));
        root.Add(BenchCommand.Create(bind));
        return root;
    }
}
