namespace Governance.Cli.Infrastructure;

/// <summary>Where a command writes, what time it is, and the environment it reads: swapped in tests.</summary>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error, TimeProvider Time, Func<string, string?> Environment)
{
    // Piped output is read by scripts and files: no escape codes, and lines wide enough not to wrap ids.
    private const int RedirectedWidth = 160;

    /// <summary>The real console, clock and process environment.</summary>
    public static CliContext FromConsole()
    {
        var redirected = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(System.Console.Out),
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return new CliContext(console, System.Console.Out, System.Console.Error, TimeProvider.System, System.Environment.GetEnvironmentVariable);
    }
}
