using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Governance.Reliability.Tests.Support;

/// <summary>
/// One `dotnet governance.dll ARGS` process of the shipped build: what it prints, line by line, a wait for a line, and
/// SIGKILL. Nothing of the process is shared with the test: it is as separate as a user's.
/// </summary>
public sealed class GovernanceProcess : IAsyncDisposable
{
    private static readonly string _governance = typeof(GovernanceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "GovernancePath").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Marker, TaskCompletionSource Seen)> _waits = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _streamsOpen = 2;

    private GovernanceProcess(Process process, string description)
    {
        _process = process;
        Description = description;
    }

    /// <summary>The command line, for messages.</summary>
    public string Description { get; }

    /// <summary>Everything it printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the process has ended, however.</summary>
    public Task Exited => _process.WaitForExitAsync();

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>governance ARGS</c> in <paramref name="directory"/> with <paramref name="environment"/> added.</summary>
    public static GovernanceProcess Start(string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(_governance))
        {
            throw new FileNotFoundException($"governance was not built at {_governance}; build src/Governance.Cli.", _governance);
        }

        // The SDK tells child processes where its dotnet is; outside it, dotnet is on the PATH.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_governance);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No colours or width games: the output is read by the harness.
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new GovernanceProcess(new Process { StartInfo = start }, string.Join(' ', ["governance", .. arguments]));
        process._process.OutputDataReceived += (_, line) => process.Print(line.Data);
        process._process.ErrorDataReceived += (_, line) => process.Print(line.Data);
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs <c>governance ARGS</c> to its end and returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        await using var process = Start(directory, arguments, environment);
        await process.WaitForExitAsync(timeout);
        return (process.ExitCode, process.Output);
    }

    /// <summary>Completes when a line containing <paramref name="marker"/> has been printed (also when it already was).</summary>
    public Task WaitForLineAsync(string marker)
    {
        lock (_output)
        {
            if (_output.ToString().Contains(marker, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((marker, seen));
            return seen.Task;
        }
    }

    /// <summary>Waits for the process to end and for everything it printed; kills it when <paramref name="timeout"/> passes first.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
            await _closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            await KillAsync();
            throw new TimeoutException($"{Description} did not exit within {timeout} and was killed:\n{Output}");
        }
    }

    /// <summary>SIGKILL: the process gets no chance to finish, flush or roll back anything.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    /// <summary>A TCP port free on the loopback now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Print(string? line)
    {
        lock (_output)
        {
            if (line is null)
            {
                if (--_streamsOpen == 0)
                {
                    _closed.TrySetResult();
                }

                return;
            }

            _output.AppendLine(line);
            foreach (var wait in _waits.Where(wait => line.Contains(wait.Marker, StringComparison.Ordinal)).ToList())
            {
                wait.Seen.TrySetResult();
                _waits.Remove(wait);
            }
        }
    }
}
