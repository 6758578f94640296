using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>A schema this build cannot use is refused on open with a <see cref="StoreSchemaException"/>, by both ways of opening.</summary>
public abstract class SchemaContractTests : StoreTestBase
{
    [StoreFact]
    public async Task A_database_newer_than_this_build_is_refused()
    {
        await Database.ExecuteAsync("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_future', 'abc', '2025-04-01T09:30:00.000000Z')");

        var opened = await Assert.ThrowsAsync<StoreSchemaException>(() => GovernanceStore.OpenAsync(Database.ConnectionString, Clock));
        var existing = await Assert.ThrowsAsync<StoreSchemaException>(() => GovernanceStore.OpenExistingAsync(Database.ConnectionString, Clock));

        Assert.StartsWith("The database has schema version 9999, newer than this build knows (", opened.Message, StringComparison.Ordinal);
        Assert.EndsWith("); use a newer build.", opened.Message, StringComparison.Ordinal);
        Assert.Equal(opened.Message, existing.Message);
    }

    [StoreFact]
    public async Task A_migration_changed_after_it_was_applied_is_refused()
    {
        await Database.ExecuteAsync("UPDATE schema_migrations SET checksum = 'abc' WHERE version = 1");

        var opened = await Assert.ThrowsAsync<StoreSchemaException>(() => GovernanceStore.OpenAsync(Database.ConnectionString, Clock));
        var existing = await Assert.ThrowsAsync<StoreSchemaException>(() => GovernanceStore.OpenExistingAsync(Database.ConnectionString, Clock));

        Assert.StartsWith("Migration 0001_initial was changed after it was applied (checksum abc in the database, ", opened.Message, StringComparison.Ordinal);
        Assert.Equal(opened.Message, existing.Message);
    }

    [StoreFact]
    public async Task An_existing_store_opens_without_create()
    {
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");

        await using var store = await GovernanceStore.OpenExistingAsync(Database.ConnectionString, Clock);

        Assert.Equal((Database.Dialect, Store.Location), (store.Dialect, store.Location));
        Assert.Equal(1, (await store.GetServiceAsync("checkout"))!.Version);
        Assert.True((await store.VerifyHistoryAsync()).IsIntact);
    }
}
