using System.Net;
using System.Net.Sockets;
using Governance.Application.Identity;
using Governance.Cli.Infrastructure;
using Governance.Domain.Identity;
using Governance.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Governance.Cli.Bench;

/// <summary>One server node in this process over a benchmark's store, on a free loopback port, with the scheduled audit off.</summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<BenchServer> StartAsync(Invocation run, string database)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var app = GovernanceServer.Build([], new Dictionary<string, string?>
        {
            ["Governance:Database"] = database,
            ["urls"] = address.ToString(),
            ["Governance:Audit:Enabled"] = "false",
            ["Governance:Cluster:SiloPort"] = $"{FreePort()}",
            ["Governance:Cluster:GatewayPort"] = $"{FreePort()}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        await app.StartAsync(run.CancellationToken);
        return new BenchServer(app, address);
    }

    /// <summary>A client that authenticates with the API token of a new script account holding <paramref name="role"/>, as a script's would.</summary>
    public async Task<HttpClient> ClientAsync(Invocation run, string database, Role role)
    {
        await using var store = await run.OpenStoreAsync(database);
        var accounts = new LocalAccounts(store, run.Context.Time, LockoutPolicy.Default);
        var name = $"bench-{role.ToString().ToLowerInvariant()}";
        var created = await accounts.AddAsync(new NewAccount(name, new HashSet<Role> { role }, Script: true), TimeSpan.FromDays(1), run.CancellationToken);
        var token = created is AccountCreation.Created { Secret: var secret } ? secret : throw new CliException(ExitCodes.InternalError, $"no bench account: {created}");
        var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
