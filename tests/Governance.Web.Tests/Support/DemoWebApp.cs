extern alias server;

using Governance.Application.Identity;
using Governance.Cli;
using Governance.Cli.Demo;
using Governance.Cli.Infrastructure;
using Governance.Domain.Identity;
using Governance.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Governance.Web.Tests.Support;

/// <summary>
/// The server on a real port over a store the demo command loaded (its fleet, its audit), with the demo's sign-ins:
/// what the README's first command leaves a newcomer with.
/// </summary>
public class DemoWebApp : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("governance-web-");
    private WebApplicationFactory<server::Program>? _server;

    public string Database => Path.Combine(_directory.FullName, "demo.db");

    public Uri Address { get; private set; } = null!;

    /// <summary>The running server's services (its scheduler, its store).</summary>
    public IServiceProvider Services => _server!.Services;

    /// <summary>Each demo account's password.</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// An HTTP client signed in with the API token of a new script account (pages take tokens as the API does). A client
    /// that follows redirects follows them without its token, as HttpClient does; one that does not shows where they go.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string name, IReadOnlySet<Role> roles, string? team = null, bool followRedirects = true)
    {
        await using var store = await GovernanceStore.OpenAsync(Database, TimeProvider.System);
        var created = await new LocalAccounts(store, TimeProvider.System, LockoutPolicy.Default)
            .AddAsync(new NewAccount(name, roles, team, Script: true), TimeSpan.FromDays(1));
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects }) { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ((AccountCreation.Created)created).Secret);
        return client;
    }

    public async Task InitializeAsync()
    {
        await LoadAsync();
        Start();
    }

    /// <summary>Fills the store before the server starts: here with the demo command and the demo's sign-ins.</summary>
    private protected virtual async Task LoadAsync()
    {
        await RunCliAsync("demo");
        await using var store = await GovernanceStore.OpenAsync(Database, TimeProvider.System);
        Passwords = (await DemoAccounts.CreateAsync(store, TimeProvider.System, CancellationToken.None)).ToDictionary(account => account.Name, account => account.Password);
    }

    /// <summary>Runs a <c>governance</c> command on this app's store, as a user would; a failure ends the fixture with its output.</summary>
    private protected async Task RunCliAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(output) });
        var exit = await CliApplication.RunAsync(["--db", Database, .. arguments], new CliContext(console, output, output, TimeProvider.System, _ => null));
        if (exit != ExitCodes.Success)
        {
            throw new InvalidOperationException($"'{string.Join(' ', arguments)}' ended with {exit}: {output}");
        }
    }

    private void Start()
    {
        _server = new WebApplicationFactory<server::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Governance:Database", Database);
            builder.UseSetting("Governance:Cluster:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Governance:Cluster:GatewayPort", "0");
            builder.UseSetting("Governance:Audit:Enabled", "false");
            builder.UseSetting("urls", "http://127.0.0.1:0");
        });
        _server.UseKestrel();
        _server.StartServer();
        Address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The server over an empty store.</summary>
public sealed class EmptyWebApp : DemoWebApp
{
    private protected override Task LoadAsync() => Task.CompletedTask;
}
