using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>
/// Someone with raw access to the database edits, deletes or moves history entries. The triggers refuse it until
/// dropped; after that the verifier names the first bad entry.
/// </summary>
public abstract class TamperContractTests : StoreTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Store.ExecuteAsync("checkout", Catalog.Service("checkout"), "alice");
        foreach (var item in new[] { "one", "two", "three", "four" })
        {
            Clock.Advance(TimeSpan.FromMinutes(1));
            await Store.ExecuteAsync("checkout", Catalog.Item(item), "alice");
        }
    }

    [StoreFact]
    public async Task The_untouched_log_verifies()
    {
        var verification = await Store.VerifyHistoryAsync();

        Assert.True(verification.IsIntact, verification.FirstBreak?.ToString());
        Assert.Equal(5, verification.EntriesChecked);
    }

    [StoreFact]
    public async Task The_database_refuses_to_update_or_delete_history()
    {
        var update = await Record.ExceptionAsync(() => Database.ExecuteAsync("UPDATE history SET actor = 'mallory' WHERE sequence = 3"));
        var delete = await Record.ExceptionAsync(() => Database.ExecuteAsync("DELETE FROM history WHERE sequence = 5"));

        Assert.Contains("history is append-only", update?.Message, StringComparison.Ordinal);
        Assert.Contains("history is append-only", delete?.Message, StringComparison.Ordinal);
        Assert.Equal(5, await CountAsync("history"));
        Assert.True((await Store.VerifyHistoryAsync()).IsIntact);
    }

    [StoreFact]
    public async Task An_edited_actor_is_named()
    {
        await TamperAsync("UPDATE history SET actor = 'mallory' WHERE sequence = 3");

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(3, verification.FirstBreak?.Sequence);
        Assert.Contains("edited", verification.FirstBreak!.Problem, StringComparison.Ordinal);
        Assert.Equal(2, verification.EntriesChecked);
    }

    [StoreFact]
    public async Task An_edited_payload_is_named()
    {
        await TamperAsync("UPDATE history SET payload = REPLACE(payload, 'Fix two', 'Fix nothing') WHERE sequence = 3");
        Assert.Contains("Fix nothing", (await HistoryAsync())[2].Payload, StringComparison.Ordinal);

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(3, verification.FirstBreak?.Sequence);
        Assert.Contains("edited", verification.FirstBreak!.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task An_edited_entry_with_a_recomputed_hash_is_named()
    {
        var edited = (await HistoryAsync())[2] with { Actor = "mallory" };
        await TamperAsync($"UPDATE history SET actor = 'mallory', hash = '{edited.Recompute()}' WHERE sequence = 3");

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(3, verification.FirstBreak?.Sequence);
        Assert.Equal("edited: its hash was recomputed, so entry 4 no longer follows it", verification.FirstBreak!.Problem);
        Assert.Equal(2, verification.EntriesChecked);
    }

    [StoreFact]
    public async Task A_deleted_middle_entry_is_named()
    {
        await TamperAsync("DELETE FROM history WHERE sequence = 3");

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(3, verification.FirstBreak?.Sequence);
        Assert.Contains("missing", verification.FirstBreak!.Problem, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_deleted_last_entry_is_caught_by_the_head()
    {
        await TamperAsync("DELETE FROM history WHERE sequence = 5");

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(5, verification.FirstBreak?.Sequence);
        Assert.Contains("missing", verification.FirstBreak!.Problem, StringComparison.Ordinal);
        Assert.Equal(4, verification.EntriesChecked);
    }

    [StoreFact]
    public async Task Two_swapped_entries_are_named()
    {
        await TamperAsync(
            "UPDATE history SET sequence = -sequence WHERE sequence IN (2, 4);" +
            "UPDATE history SET sequence = 4 WHERE sequence = -2;" +
            "UPDATE history SET sequence = 2 WHERE sequence = -4;");
        Assert.Equal([1L, 2L, 3L, 4L, 5L], (await HistoryAsync()).Select(entry => entry.Sequence));

        var verification = await Store.VerifyHistoryAsync();

        Assert.Equal(2, verification.FirstBreak?.Sequence);
        Assert.Contains("reordered", verification.FirstBreak!.Problem, StringComparison.Ordinal);
        Assert.Contains("entry 4", verification.FirstBreak.Problem, StringComparison.Ordinal);
    }

    private async Task TamperAsync(string sql)
    {
        await Database.ExecuteAsync(Database.DropHistoryGuardsSql);
        Assert.True(await Database.ExecuteAsync(sql) > 0);
    }
}
