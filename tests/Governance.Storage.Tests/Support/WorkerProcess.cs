using System.Diagnostics;
using System.Reflection;

namespace Governance.Storage.Tests.Support;

/// <summary>Starts tests/Governance.Storage.Worker as a separate process: <c>dotnet worker.dll ARGS</c>.</summary>
public static class WorkerProcess
{
    public static string Path => typeof(WorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "WorkerPath").Value!;

    /// <summary>Runs the worker to its end and returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"The worker was not built at {Path}; build tests/Governance.Storage.Worker.", Path);
        }

        // The SDK tells child processes where its dotnet is; outside it, dotnet is on the PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var run = await ChildProcess.RunAsync(new ProcessStartInfo(dotnet, [Path, .. arguments]), TimeSpan.FromMinutes(5));
        return (run.ExitCode, run.Output + run.Error);
    }
}
