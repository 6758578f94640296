using Governance.Reliability.Tests.Support;

namespace Governance.Reliability.Tests.KillHarness;

/// <summary>
/// One thing the harness kills, as data: how to set up a point's store, what to start, when the kill clock starts and when
/// the work is done, what must hold right after the kill (besides <c>history verify</c>, which the harness runs for every
/// scenario), and how to run the same thing again to its end and check the result. Add one to <see cref="KillScenarios.All"/>.
/// </summary>
/// <param name="Name">Shown in reports and used as the test case's name.</param>
/// <param name="Weight">Its share of the kill points.</param>
/// <param name="SetUpAsync">Prepares <see cref="KillPoint.Directory"/> and <see cref="KillPoint.Database"/> (a copy of a template).</param>
/// <param name="Start">Starts the process to kill.</param>
/// <param name="CheckAfterKillAsync">What must hold once the process is dead, before anything runs again.</param>
/// <param name="RerunAsync">Runs the same command again, to its end, and checks the expected final state.</param>
public sealed record KillScenario(
    string Name,
    int Weight,
    Func<KillPoint, Task> SetUpAsync,
    Func<KillPoint, KillTarget> Start,
    Func<KillPoint, Task> CheckAfterKillAsync,
    Func<KillPoint, Task> RerunAsync)
{
    public override string ToString() => Name;
}

/// <summary>
/// A started process and the moments that matter: <paramref name="Armed"/> starts the kill clock (the process start, or a
/// line it prints), <paramref name="Finished"/> completes once the work is done (faults when it failed), and
/// <paramref name="Driver"/> is whatever the test runs against the process (a stream of requests), awaited after the kill.
/// </summary>
public sealed record KillTarget(GovernanceProcess Process, Task Armed, Task Finished, Task Driver)
{
    /// <summary>A command that is done when it exits, and must exit 0.</summary>
    public static KillTarget Command(GovernanceProcess process) => new(process, Task.CompletedTask, ExitedZeroAsync(process), Task.CompletedTask);

    private static async Task ExitedZeroAsync(GovernanceProcess process)
    {
        await process.WaitForExitAsync(TimeSpan.FromMinutes(5));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{process.Description} exited {process.ExitCode}:\n{process.Output}");
        }
    }
}

/// <summary>One kill point: its folder and store, the templates, and what its scenario keeps between its steps.</summary>
public sealed class KillPoint(string name, string directory, KillTemplates templates)
{
    /// <summary>The scenario and the point's number, e.g. <c>import #7</c>.</summary>
    public string Name { get; } = name;

    public string Directory { get; } = directory;

    /// <summary>The point's own SQLite file.</summary>
    public string Database => Path.Combine(Directory, "governance.db");

    public KillTemplates Templates { get; } = templates;

    /// <summary>The scenario's own notes between its steps (the run the kill interrupted, the requests acknowledged).</summary>
    public object? State { get; set; }

    /// <summary>What the kill left, in a few words, for the report ("committed", "run left running").</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>Runs <c>governance ARGS --db THIS-STORE</c> to its end; its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) =>
        GovernanceProcess.RunAsync(Directory, [.. arguments, "--db", Database], TimeSpan.FromMinutes(5));

    /// <summary>Runs the command and fails unless it exits 0.</summary>
    public async Task<string> RunToSuccessAsync(params string[] arguments)
    {
        var (exitCode, output) = await RunAsync(arguments);
        Check.That(exitCode == 0, $"governance {string.Join(' ', arguments)} exited {exitCode}:\n{output}");
        return output;
    }
}

/// <summary>A failed post-condition of a kill point.</summary>
public sealed class KillCheckException(string message) : Exception(message);

/// <summary>Post-conditions that say what was expected and what was found.</summary>
public static class Check
{
    public static void That(bool condition, string failure)
    {
        if (!condition)
        {
            throw new KillCheckException(failure);
        }
    }
}
