using Governance.Storage.Tests.Support;
using Governance.Cli.Infrastructure;
using Spectre.Console;

namespace Governance.Cli.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the <c>governance</c> command line in-process against a temporary directory, with a fixed clock.</summary>
public sealed class CliRun : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("governance-cli-");

    public CliRun() => Database = Path.Combine(_directory.FullName, "governance.db");

    public string Folder => _directory.FullName;

    public string Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The environment variables the command sees (none else).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs the command line with <c>--db</c> set to this run's database.</summary>
    public Task<CliResult> InvokeAsync(params string[] args) => InvokeRawAsync(["--db", Database, .. args]);

    /// <summary>Runs the command line exactly as given.</summary>
    public async Task<CliResult> InvokeRawAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var context = new CliContext(console, output, error, Time, name => Environment.GetValueOrDefault(name));
        var exitCode = await CliApplication.RunAsync(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

