using Governance.Domain.History;

namespace Governance.Storage.Tests.Support;

/// <summary>Gives every test a fresh database of the derived class's dialect, a store opened on it, and a fake clock.</summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private readonly List<GovernanceStore> _stores = [];

    protected FakeTimeProvider Clock { get; } = new();

    protected ITestDatabase Database { get; private set; } = null!;

    protected GovernanceStore Store { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Store = await OpenStoreAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    protected abstract Task<ITestDatabase> CreateDatabaseAsync();

    /// <summary>Another store instance on the same database, closed with the test.</summary>
    protected async Task<GovernanceStore> OpenStoreAsync()
    {
        var store = await GovernanceStore.OpenAsync(Database.ConnectionString, Clock);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    protected async Task<List<HistoryEntry>> HistoryAsync(string? subject = null, GovernanceStore? store = null)
    {
        var entries = new List<HistoryEntry>();
        await foreach (var entry in (store ?? Store).ReadHistoryAsync(subject))
        {
            entries.Add(entry);
        }

        return entries;
    }

    protected async Task<long> CountAsync(string table) => Convert.ToInt64(await Database.ScalarAsync($"SELECT COUNT(*) FROM {table}"), System.Globalization.CultureInfo.InvariantCulture);
}
