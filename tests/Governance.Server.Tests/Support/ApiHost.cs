using System.Net.Http.Headers;
using System.Text;
using Governance.Application.Identity;
using Governance.Domain.History;
using Governance.Domain.Identity;
using Governance.Storage;
using Governance.Storage.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests.Support;

/// <summary>
/// The real server (store, silo, grains, endpoints) on a fresh SQLite file, with a clock that stands still, and clients
/// that authenticate with an API token of a local account made for them. Disposed with the test.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase _database = new();
    private readonly WebApplicationFactory<Program> _factory;

    public ApiHost(params (string Key, string? Value)[] settings)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Governance:Database", _database.ConnectionString);
            builder.UseSetting("Governance:Audit:Policies", Repository.Policies);
            foreach (var (key, value) in SiloPorts.Settings().Concat(settings))
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
        });
    }

    public FakeTimeProvider Time { get; } = new(Now);

    public string Database => _database.ConnectionString;

    /// <summary>The server's services (its endpoints, its options).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// A client signed in as <paramref name="user"/> (<c>alice</c> or <c>user:alice</c>; anonymous when null), an account
    /// with <paramref name="role"/> made on first use.
    /// </summary>
    public HttpClient Client(string? user = "alice", Role role = Role.Administrator, string? team = null, int? tier = null) =>
        Client(user, new HashSet<Role> { role }, team, tier);

    /// <summary>A client signed in as <paramref name="user"/> with several <paramref name="roles"/>.</summary>
    public HttpClient Client(string? user, IReadOnlySet<Role> roles, string? team = null, int? tier = null)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenAsync(user, roles, team, tier).GetAwaiter().GetResult());
        }

        return client;
    }

    /// <summary>An API token of a new account <paramref name="user"/> with <paramref name="roles"/>.</summary>
    public async Task<string> TokenAsync(string user, IReadOnlySet<Role> roles, string? team = null, int? tier = null)
    {
        await using var store = await OpenStoreAsync();
        var name = user.StartsWith(Account.ActorPrefix, StringComparison.Ordinal) ? user[Account.ActorPrefix.Length..] : user;
        var accounts = new LocalAccounts(store, Time, LockoutPolicy.Default);
        var created = await accounts.AddAsync(new NewAccount(name, roles, team, tier, Script: true), LocalAccounts.DefaultTokenLifetime);
        return created is AccountCreation.Created { Secret: var token }
            ? token
            : await accounts.IssueTokenAsync(name, LocalAccounts.DefaultTokenLifetime) is SecretIssue.Issued { Secret: var another }
                ? another
                : throw new InvalidOperationException($"no token for {name}: {created}");
    }

    /// <summary>The store the server writes, opened beside it.</summary>
    public async Task<GovernanceStore> OpenStoreAsync() => await GovernanceStore.OpenAsync(Database, Time);

    /// <summary>A service's history as the store keeps it.</summary>
    public async Task<List<HistoryEntry>> HistoryAsync(string serviceId)
    {
        await using var store = await OpenStoreAsync();
        var entries = new List<HistoryEntry>();
        await foreach (var entry in store.ReadHistoryAsync($"service:{serviceId}"))
        {
            entries.Add(entry);
        }

        return entries;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A JSON body.</summary>
    public static StringContent Json(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
}
