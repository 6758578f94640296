using System.Text;
using Governance.Storage.Idempotency;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>Idempotency keys: claimed once, completed with a response that replays, refused for another request, expired, shared by stores.</summary>
public abstract class IdempotencyContractTests : StoreTestBase
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private static readonly TimeSpan AbandonAfter = TimeSpan.FromMinutes(5);
    private static readonly IdempotencyKey Key = new("user:alice", "key-1");

    [StoreFact]
    public async Task A_new_key_is_claimed_and_a_second_claim_finds_it_running()
    {
        var first = await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);
        var second = await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);

        Assert.IsType<IdempotencyClaim.Claimed>(first);
        Assert.IsType<IdempotencyClaim.InProgress>(second);
    }

    [StoreFact]
    public async Task A_key_whose_claiming_process_was_killed_is_claimed_afresh_at_once_on_its_host()
    {
        // Found by the kill harness: a server killed mid-request left its key "in progress" for AbandonAfter after the restart.
        var (exitCode, output) = await WorkerProcess.RunAsync("claim-key", Database.ConnectionString, Key.Actor, Key.Key);
        Assert.True(exitCode == 0, output);

        Assert.IsType<IdempotencyClaim.Claimed>(await Store.Idempotency.ClaimAsync(Key, "POST /worker", Lifetime, AbandonAfter));
        Assert.IsType<IdempotencyClaim.InProgress>(await Store.Idempotency.ClaimAsync(Key, "POST /worker", Lifetime, AbandonAfter));
    }

    [StoreFact]
    public async Task A_running_claim_of_another_host_stays_in_progress_until_it_is_abandoned()
    {
        await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);
        await Database.ExecuteAsync("UPDATE idempotency_keys SET owner_host = 'another-host', owner_pid = 1");

        Assert.IsType<IdempotencyClaim.InProgress>(await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter));
        Clock.Advance(AbandonAfter);
        Assert.IsType<IdempotencyClaim.Claimed>(await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter));
    }

    [StoreFact]
    public async Task A_completed_key_replays_its_response_to_the_same_request_from_another_store()
    {
        var response = new StoredResponse(201, new Dictionary<string, string> { ["ETag"] = "\"1\"", ["Content-Type"] = "application/json" }, Encoding.UTF8.GetBytes("{\"version\":1}"));
        await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);

        Assert.True(await Store.Idempotency.CompleteAsync(Key, response));
        var other = await OpenStoreAsync();
        var replay = Assert.IsType<IdempotencyClaim.Completed>(await other.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter));

        Assert.Equal(201, replay.Response.StatusCode);
        Assert.Equal(response.Headers.OrderBy(header => header.Key), replay.Response.Headers.OrderBy(header => header.Key));
        Assert.Equal("{\"version\":1}", Encoding.UTF8.GetString(replay.Response.Body));
    }

    [StoreFact]
    public async Task The_same_key_for_another_request_is_a_mismatch_and_another_actors_key_is_apart()
    {
        await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);
        await Store.Idempotency.CompleteAsync(Key, new StoredResponse(200, new Dictionary<string, string>(), []));

        var otherBody = await Store.Idempotency.ClaimAsync(Key, "PUT /a 2", Lifetime, AbandonAfter);
        var otherActor = await Store.Idempotency.ClaimAsync(Key with { Actor = "user:bob" }, "PUT /a 2", Lifetime, AbandonAfter);

        Assert.IsType<IdempotencyClaim.Mismatch>(otherBody);
        Assert.IsType<IdempotencyClaim.Claimed>(otherActor);
    }

    [StoreFact]
    public async Task A_released_key_is_claimed_again_and_cannot_be_completed_meanwhile()
    {
        await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);

        await Store.Idempotency.ReleaseAsync(Key);

        Assert.False(await Store.Idempotency.CompleteAsync(Key, new StoredResponse(200, new Dictionary<string, string>(), [])));
        Assert.IsType<IdempotencyClaim.Claimed>(await Store.Idempotency.ClaimAsync(Key, "PUT /a 2", Lifetime, AbandonAfter));
    }

    [StoreFact]
    public async Task A_key_expires_after_its_lifetime_and_is_purged()
    {
        await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);
        await Store.Idempotency.CompleteAsync(Key, new StoredResponse(200, new Dictionary<string, string>(), []));
        await Store.Idempotency.ClaimAsync(Key with { Key = "key-2" }, "PUT /a 1", Lifetime, AbandonAfter);

        Clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await Store.Idempotency.PurgeExpiredAsync());
        Assert.IsType<IdempotencyClaim.Completed>(await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter));

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, await Store.Idempotency.PurgeExpiredAsync());
        Assert.Equal(0, await CountAsync("idempotency_keys"));
        Assert.IsType<IdempotencyClaim.Claimed>(await Store.Idempotency.ClaimAsync(Key, "PUT /a 2", Lifetime, AbandonAfter));
    }

    [StoreFact]
    public async Task A_running_key_left_by_a_dead_request_is_taken_over_after_the_abandon_time()
    {
        await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);

        Clock.Advance(AbandonAfter - TimeSpan.FromSeconds(1));
        var early = await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var late = await Store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter);

        Assert.IsType<IdempotencyClaim.InProgress>(early);
        Assert.IsType<IdempotencyClaim.Claimed>(late);
    }

    [StoreFact]
    public async Task Concurrent_claims_of_one_key_give_it_to_exactly_one()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => OpenStoreAsync()));

        var claims = await Task.WhenAll(stores.Select(store => store.Idempotency.ClaimAsync(Key, "PUT /a 1", Lifetime, AbandonAfter)));

        Assert.Equal(1, claims.Count(claim => claim is IdempotencyClaim.Claimed));
        Assert.Equal(7, claims.Count(claim => claim is IdempotencyClaim.InProgress));
    }
}
