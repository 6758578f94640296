using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Governance.Grains.Tests.Support;

/// <summary>
/// One `governance serve` process of a cluster: its own HTTP, silo and gateway ports, the shared store. Started and
/// waited for at the line ASP.NET Core prints once it listens; killed with SIGKILL when the test says so.
/// </summary>
public sealed class ServerNode : IAsyncDisposable
{
    private static readonly string _governance = typeof(ServerNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "GovernancePath").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerNode(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process printed so far: for failure messages.</summary>
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

    public static async Task<ServerNode> StartAsync(string database, IReadOnlyDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { _governance, "serve", "--db", database, "--urls", address.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Governance__Cluster__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Governance__Cluster__GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var node = new ServerNode(Process.Start(start) ?? throw new InvalidOperationException("could not start governance serve"), address);
        node._process.OutputDataReceived += (_, line) => node.Print(line.Data);
        node._process.ErrorDataReceived += (_, line) => node.Print(line.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            await node._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"governance serve did not start listening within 60 s:\n{node.Output}");
        }

        return node;
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster or finish what it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
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

    private void Print(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Now listening on:", StringComparison.Ordinal))
        {
            _listening.TrySetResult();
        }
        else if (_process.HasExited)
        {
            _listening.TrySetException(new InvalidOperationException($"governance serve exited:\n{Output}"));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
