extern alias server;

using Governance.Application.Identity;
using Governance.Domain.Identity;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Cli.Tests;

/// <summary>
/// <c>--server</c>: waivers, unwaive and import through a real server on a free port give the exit codes and messages they
/// give on the store. Each test runs the same command lines embedded (on one store) and through the server (on another).
/// </summary>
public sealed class ServerModeTests : IAsyncLifetime
{
    private const string Fleet = """
        apiVersion: governance/v1
        kind: Fleet
        services:
          - { id: checkout, name: Checkout, tier: 1, dependencies: [cart] }
          - { id: cart, name: Cart, tier: 1 }
        """;

    private readonly CliRun _embedded = new();
    private readonly CliRun _remote = new();
    private WebApplicationFactory<server::Program> _server = null!;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private string _url = null!;

    public Task InitializeAsync()
    {
        _server = new WebApplicationFactory<server::Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Governance:Database", _remote.Database);
            builder.UseSetting("Governance:Audit:Policies", Path.Combine(Repository.Root, "policies"));

            // A silo port of its own and no gateway: test hosts never collide on Orleans' fixed defaults.
            builder.UseSetting("Governance:Cluster:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Governance:Cluster:GatewayPort", "0");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_remote.Time));
        });
        _server.UseKestrel(0);
        _server.StartServer();
        _url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _embedded.Dispose();
        _remote.Dispose();
    }

    [Fact]
    public async Task Import_through_the_server_prints_and_ends_as_on_the_store()
    {
        var fleet = Write("fleet/services.yaml", Fleet);
        var bad = Write("bad/services.yaml", Fleet.Replace("tier: 1 }", "tier: 7 }", StringComparison.Ordinal));

        await AssertSameAsync(0, "import", fleet);
        await AssertSameAsync(0, "import", Path.GetDirectoryName(fleet)!);
        await AssertSameAsync(0, "--json", "import", "--dry-run", fleet);
        await AssertSameAsync(3, "import", bad, fleet);
        await AssertSameAsync(3, "import", Path.Combine(_embedded.Folder, "missing.yaml"));
    }

    [Fact]
    public async Task Waivers_requested_decided_and_revoked_through_the_server_print_and_end_as_on_the_store()
    {
        var fleet = Write("services.yaml", Fleet);
        await AssertSameAsync(0, "import", fleet);

        await AssertSameAsync(0, "--actor", "user:sam", "waivers", "request", "checkout", "critical-path-hub", "--reason", "Caching ships in January", "--until", "2027-01-31");
        await AssertSameAsync(3, "--actor", "user:Sam", "waivers", "approve", "checkout", "critical-path-hub");
        await AssertSameAsync(0, "--json", "--actor", "user:cto", "waivers", "approve", "checkout", "critical-path-hub", "--reason", "Caching is tested");
        await AssertSameAsync(3, "--actor", "user:cto", "waivers", "reject", "checkout", "critical-path-hub", "--reason", "Too late");
        await AssertSameAsync(3, "--actor", "user:sam", "waivers", "request", "checkout", "critical-path-hub", "--reason", "r", "--until", "2027-02-28");
        await AssertSameAsync(0, "--actor", "user:sam", "waivers", "request", "checkout", "no-runbook", "--reason", "r", "--until", "2027-01-31");
        await AssertSameAsync(3, "--actor", "user:cto", "waivers", "reject", "checkout", "no-runbook", "--reason", " ");
        await AssertSameAsync(0, "--json", "--actor", "user:sam", "waivers", "reject", "checkout", "no-runbook", "--reason", "Not needed after all");
        await AssertSameAsync(4, "--actor", "user:cto", "waivers", "approve", "checkout", "slow-autoscaling");
        await AssertSameAsync(3, "--actor", "user:sam", "waivers", "request", "checkout", "no-such-trait", "--reason", "r", "--until", "2027-01-31");
        await AssertSameAsync(3, "--actor", "user:sam", "waivers", "request", "checkout", "no-runbook", "--reason", "r", "--until", "2031-01-31");
        await AssertSameAsync(4, "--actor", "user:sam", "waivers", "request", "nowhere", "no-runbook", "--reason", "r", "--until", "2027-01-31");
        await AssertSameAsync(3, "--actor", "user:sam", "unwaive", "checkout", "no-runbook");
        await AssertSameAsync(0, "--json", "--actor", "user:sam", "unwaive", "checkout", "critical-path-hub");
        await AssertSameAsync(4, "--actor", "user:sam", "unwaive", "checkout", "critical-path-hub");

        var history = await _remote.InvokeAsync("--json", "history", "checkout");
        Assert.Contains("\"actor\": \"user:cto\"", history.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_step_waive_through_the_server_is_refused_with_the_two_steps_to_take()
    {
        var result = await _remote.InvokeRawAsync("--server", _url, "--actor", "sam", "waive", "checkout", "critical-path-hub", "--reason", "r", "--until", "2027-01-31", "--approver", "cto");

        Assert.Equal(
            (2, "error: a server records who acts, so it takes no --approver: request the waiver with 'governance waivers request SERVICE TRAIT --reason R --until DATE', then have the approver run 'governance waivers approve SERVICE TRAIT'\n"),
            (result.ExitCode, result.Error.ReplaceLineEndings("\n")));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task An_unreachable_server_ends_with_6_and_a_reading_command_refuses_the_option()
    {
        var withoutToken = await _remote.InvokeRawAsync("--server", _url, "unwaive", "checkout", "no-runbook");
        _remote.Environment["GOVERNANCE_TOKEN"] = "gov_unknown_token";
        var wrongToken = await _remote.InvokeRawAsync("--server", _url, "unwaive", "checkout", "no-runbook");
        var unreachable = await _remote.InvokeRawAsync("--server", "http://127.0.0.1:1", "unwaive", "checkout", "no-runbook");
        var reading = await _remote.InvokeRawAsync("--server", _url, "services", "list");
        var badUrl = await _remote.InvokeRawAsync("--server", "ftp://example.com", "unwaive", "checkout", "no-runbook");

        Assert.Equal((2, "error: --server needs an API token in $GOVERNANCE_TOKEN (governance users add NAME --role ROLE --script, on the server's store)\n"),
            (withoutToken.ExitCode, withoutToken.Error.ReplaceLineEndings("\n")));
        Assert.Equal(3, wrongToken.ExitCode);
        Assert.Equal(6, unreachable.ExitCode);
        Assert.StartsWith("error: cannot reach the server at http://127.0.0.1:1/: ", unreachable.Error, StringComparison.Ordinal);
        Assert.Equal((2, "error: 'services list' works on the store directly; --server is for waivers, unwaive and import\n"), (reading.ExitCode, reading.Error.ReplaceLineEndings("\n")));
        Assert.Equal((2, "error: --server must be an http:// or https:// URL, was 'ftp://example.com'\n"), (badUrl.ExitCode, badUrl.Error.ReplaceLineEndings("\n")));
    }

    /// <summary>
    /// Runs <paramref name="args"/> on the embedded store and through the server: both end with <paramref name="exitCode"/> and
    /// print the same. Through the server, <c>--actor NAME</c> becomes the API token of an account NAME, administrator and approver of tier 1.
    /// </summary>
    private async Task AssertSameAsync(int exitCode, params string[] args)
    {
        var embedded = await _embedded.InvokeAsync(args);
        var actorAt = Array.IndexOf(args, "--actor");
        var actor = actorAt >= 0 ? args[actorAt + 1].Replace("user:", string.Empty, StringComparison.Ordinal).ToLowerInvariant() : "importer";
        _remote.Environment["GOVERNANCE_TOKEN"] = await TokenAsync(actor);
        var remote = await _remote.InvokeRawAsync(["--server", _url, .. actorAt >= 0 ? args.Where((_, index) => index != actorAt && index != actorAt + 1) : args]);

        Assert.True(embedded.ExitCode == exitCode, $"embedded {string.Join(' ', args)}: {embedded.ExitCode} {embedded.Error}");
        Assert.Equal((exitCode, embedded.Output, embedded.Error), (remote.ExitCode, remote.Output, remote.Error));
    }

    private async Task<string> TokenAsync(string name)
    {
        if (_tokens.TryGetValue(name, out var token))
        {
            return token;
        }

        await using var store = await Governance.Storage.GovernanceStore.OpenAsync(_remote.Database, _remote.Time);
        var created = await new LocalAccounts(store, _remote.Time, LockoutPolicy.Default)
            .AddAsync(new NewAccount(name, new HashSet<Role> { Role.Administrator, Role.Approver }, Tier: 1, Script: true), TimeSpan.FromDays(1));
        return _tokens[name] = ((AccountCreation.Created)created).Secret;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_embedded.Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
