using Governance.Domain.Catalog;
using Governance.Domain.History;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>
/// Someone with raw access to the database edits, adds or deletes current state rows, which no trigger guards. Verification
/// checks every row against the state hash of its subject's last history entry and names each one edited outside the product.
/// </summary>
public abstract class StateTamperContractTests : StoreTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        await Store.ExecuteAsync("checkout", Catalog.Item("one"), "alice");
        await Store.ExecuteAsync("payments", Catalog.Service("payments"), "alice");
        await Store.ExecuteAsync(EntityKinds.Group, "team-a", Catalog.Group("team-a"), "alice");
    }

    [StoreFact]
    public async Task Untouched_states_verify()
    {
        var verification = await Store.VerifyHistoryAsync();

        Assert.True(verification.IsIntact, string.Join("; ", verification.ToRecord().Problems));
        Assert.Equal((4L, 3L, 0L), (verification.EntriesChecked, verification.States.StatesChecked, verification.States.StatesNotCovered));
    }

    [StoreFact]
    public async Task An_edited_service_state_is_named()
    {
        await EditAsync("UPDATE services SET state = REPLACE(state, 'Fix one', 'Fixed long ago') WHERE id = 'checkout'");

        var verification = await Store.VerifyHistoryAsync();

        Assert.True(verification.Chain.IsIntact);
        Assert.Equal(
            [new StateMismatch("service:checkout", "the state is not the one entry 2 recorded: it was edited outside the product")],
            verification.States.Mismatches);
    }

    [StoreFact]
    public async Task An_edited_entity_state_is_named()
    {
        await EditAsync("UPDATE catalog_entities SET state = REPLACE(state, 'team-a@example.com', 'mallory@example.com') WHERE id = 'team-a'");

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal("group:team-a", Assert.Single(verification.States.Mismatches).Subject);
    }

    [StoreFact]
    public async Task A_state_put_back_at_an_older_version_is_named()
    {
        await EditAsync("UPDATE services SET version = 1 WHERE id = 'checkout'");

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(
            "service:checkout: the row is at version 1 but its history ends at version 2 (entry 2): it was edited outside the product",
            Assert.Single(verification.States.Mismatches).ToString());
    }

    [StoreFact]
    public async Task A_row_added_by_hand_and_a_row_deleted_are_named()
    {
        await EditAsync("INSERT INTO catalog_entities (kind, id, name, version, state, updated_at) SELECT 'group', 'ghost', 'Ghost', 1, state, updated_at FROM catalog_entities WHERE id = 'team-a'");
        await EditAsync("DELETE FROM catalog_entities WHERE id = 'team-a'");

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(
            [
                "group:ghost: the state row has no history: it was written outside the product",
                "group:team-a: its history (last entry 4) has no current state row: the row was deleted outside the product",
            ],
            verification.States.Mismatches.Select(mismatch => mismatch.ToString()));
    }

    [StoreFact]
    public async Task Each_verification_is_recorded_and_the_latest_is_read_back()
    {
        Assert.Null(await Store.GetLastVerificationAsync());
        await Store.VerifyAndRecordHistoryAsync(VerificationScope.Full);
        await EditAsync("UPDATE services SET state = REPLACE(state, 'Fix one', 'Fixed') WHERE id = 'checkout'");
        Clock.Advance(TimeSpan.FromMinutes(5));

        var recorded = await Store.VerifyAndRecordHistoryAsync(VerificationScope.Incremental);
        var last = await Store.GetLastVerificationAsync();

        Assert.Equal(recorded.Problems, last!.Problems);
        Assert.Equal(recorded.ProblemCount, last.ProblemCount);
        // Times are kept to the microsecond, as history times are.
        Assert.Equal((false, VerificationScope.Incremental, HistoryEntry.Normalize(Clock.GetUtcNow())), (last.IsIntact, last.Scope, last.VerifiedAt));
        Assert.Equal((5L, new HistoryHead(4, (await HistoryAsync())[^1].Hash), 0L, 3L), (last.FromSequence, last.Head, last.EntriesChecked, last.StatesChecked));
        Assert.Equal(["service:checkout: the state is not the one entry 2 recorded: it was edited outside the product"], last.Problems);
    }

    [StoreFact]
    public async Task An_incremental_verification_recomputes_only_what_was_written_after_the_checkpoint()
    {
        Assert.True((await Store.VerifyAndRecordHistoryAsync(VerificationScope.Full)).IsIntact);
        await Store.ExecuteAsync("payments", Catalog.Item("two"), "alice");
        await Store.ExecuteAsync("payments", Catalog.Item("three"), "alice");

        var verification = await Store.VerifyHistoryAsync(VerificationScope.Incremental);

        Assert.True(verification.IsIntact, string.Join("; ", verification.ToRecord().Problems));
        Assert.Equal((5L, 2L, new HistoryHead(6, (await HistoryAsync())[^1].Hash)), (verification.FromSequence, verification.EntriesChecked, verification.Head));
    }

    [StoreFact]
    public async Task An_entry_edited_before_the_checkpoint_is_left_to_the_full_verification()
    {
        Assert.True((await Store.VerifyAndRecordHistoryAsync(VerificationScope.Full)).IsIntact);
        await Store.ExecuteAsync("payments", Catalog.Item("two"), "alice");
        await Database.ExecuteAsync(Database.DropHistoryGuardsSql);
        await EditAsync("UPDATE history SET actor = 'mallory' WHERE sequence = 2");

        var incremental = await Store.VerifyHistoryAsync(VerificationScope.Incremental);
        var full = await Store.VerifyHistoryAsync(VerificationScope.Full);

        Assert.True(incremental.IsIntact);
        Assert.Equal(new ChainBreak(2, "edited: its content no longer matches its hash"), full.FirstBreak);
    }

    [StoreFact]
    public async Task An_edit_that_breaks_the_chain_after_the_checkpoint_is_caught_incrementally()
    {
        Assert.True((await Store.VerifyAndRecordHistoryAsync(VerificationScope.Full)).IsIntact);
        await Store.ExecuteAsync("payments", Catalog.Item("two"), "alice");
        await Store.ExecuteAsync("payments", Catalog.Item("three"), "alice");
        await Database.ExecuteAsync(Database.DropHistoryGuardsSql);
        await EditAsync("UPDATE history SET actor = 'mallory' WHERE sequence = 5");

        var verification = await Store.VerifyHistoryAsync(VerificationScope.Incremental);

        Assert.Equal(new ChainBreak(5, "edited: its content no longer matches its hash"), verification.FirstBreak);
    }

    private async Task EditAsync(string sql) => Assert.True(await Database.ExecuteAsync(sql) > 0, sql);
}
