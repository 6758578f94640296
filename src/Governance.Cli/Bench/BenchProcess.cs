using System.CommandLine;
using System.Diagnostics;
using Governance.Cli.Infrastructure;

namespace Governance.Cli.Bench;

/// <summary>What the benchmarks share: child processes of this program, and timings with their percentiles.</summary>
internal static class BenchProcess
{
    /// <summary>Generates a fleet of <paramref name="services"/> and imports it into a new SQLite file in <paramref name="workspace"/>, in child processes; returns the file.</summary>
    public static async Task<string> GenerateAndImportAsync(Invocation run, int services, int seed, string workspace)
    {
        var database = Path.Combine(workspace, "bench.db");
        var fleet = Path.Combine(workspace, "fleet");
        await RunChildAsync(run, ["generate", "fleet", "--services", $"{services}", "--seed", $"{seed}", "--out", fleet]);
        await RunChildAsync(run, ["--db", database, "--actor", "bench", "import", fleet]);
        return database;
    }

    /// <summary>
    /// Generates a fleet of <paramref name="services"/>, imports and audits it in child processes, in a temporary folder deleted
    /// afterwards, and measures it with <paramref name="measure"/> (given the store's file and the folder); prints what that returns.
    /// </summary>
    public static Task<int> MeasureAuditedFleetAsync<T>(Invocation run, string name, int services, int seed, Func<string, string, Task<T>> measure)
        where T : notnull =>
        InWorkspaceAsync(run, name, async workspace =>
        {
            var database = await GenerateAndImportAsync(run, services, seed, workspace);
            await RunChildAsync(run, ["--db", database, "--actor", "bench", "audit", "run"]);
            return await measure(database, workspace);
        });

    /// <summary>Runs <paramref name="measure"/> in a temporary folder deleted afterwards, and prints what it returns (as JSON with <c>--json</c>).</summary>
    public static async Task<int> InWorkspaceAsync<T>(Invocation run, string name, Func<string, Task<T>> measure)
        where T : notnull
    {
        var workspace = Directory.CreateTempSubdirectory($"governance-bench-{name}-");
        try
        {
            var figures = await measure(workspace.FullName);
            if (run.Json)
            {
                run.WriteJson(figures);
            }
            else
            {
                run.Context.Console.WriteLine(figures is IEnumerable<ReadFigures> list ? string.Join(Environment.NewLine, list) : figures.ToString() ?? string.Empty);
            }

            return ExitCodes.Success;
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }

    /// <summary>The <c>--repeat</c> value, at least 1.</summary>
    public static int Repeat(Invocation run, Option<int> option)
    {
        var repeat = run.Get(option);
        return repeat >= 1 ? repeat : throw new CliException(ExitCodes.Usage, $"--repeat must be at least 1, was {repeat}");
    }

    /// <summary>
    /// Runs this program again with <paramref name="arguments"/>, so that a fleet is made, imported or audited exactly as a user
    /// would; a failure is a <see cref="CliException"/>. Returns the whole command's time, from starting the process to its exit.
    /// </summary>
    public static async Task<TimeSpan> RunChildAsync(Invocation run, IReadOnlyList<string> arguments)
    {
        var program = Environment.ProcessPath ?? throw new CliException(ExitCodes.InternalError, "cannot tell which program is running");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(program) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var started = Stopwatch.GetTimestamp();
        using var child = Process.Start(start) ?? throw new CliException(ExitCodes.InternalError, $"cannot start {program}");
        var output = child.StandardOutput.ReadToEndAsync(run.CancellationToken);
        string error;
        try
        {
            error = await child.StandardError.ReadToEndAsync(run.CancellationToken);
            await child.WaitForExitAsync(run.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Interrupted: the child must not outlive the workspace that is about to be deleted.
            child.Kill(entireProcessTree: true);
            throw;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);

        if (child.ExitCode != 0)
        {
            throw new CliException(ExitCodes.InternalError, $"'{string.Join(' ', arguments)}' failed ({child.ExitCode}): {error}{await output}");
        }

        return elapsed;
    }

    /// <summary>Times <paramref name="once"/> <paramref name="repeat"/> times, after one call to warm up.</summary>
    public static async Task<ReadFigures> TimeAsync<T>(string read, int repeat, Func<Task<T>> once)
    {
        await once();
        var milliseconds = new double[repeat];
        for (var i = 0; i < repeat; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await once();
            milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(milliseconds);
        return new ReadFigures(read, repeat, Percentile(milliseconds, 0.50), Percentile(milliseconds, 0.95), milliseconds[^1]);
    }

    /// <summary>The value at <paramref name="rank"/> (0.5, 0.95, …) of <paramref name="sorted"/>, nearest-rank.</summary>
    public static double Percentile(double[] sorted, double rank) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(rank * sorted.Length) - 1)];
}
