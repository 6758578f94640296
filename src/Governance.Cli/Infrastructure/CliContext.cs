
namespace Governance.Cli.Infrastructure;

/// <summary>Where a command writes, what time it is, and the environment it reads: swapped in tests.</summary>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Environment)
{
    /// <summary>The real console, clock and process environment.</summary>
    public static CliContext FromConsole() =>
        new(AnsiConsole.Console, System.Console.Out, System.Console.Error, TimeProvider.System, System.Environment.GetEnvironmentVariable);
}
