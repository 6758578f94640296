using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.History;
using Governance.Server.Verification;
using Governance.Storage.Tests.Support;

namespace Governance.Server.Tests.Auditing;

/// <summary>The scheduled verification of the history and states, on the same hosts and job stores as the audit.</summary>
public abstract partial class AuditSchedulerTests
{
    [StoreFact]
    public async Task The_incremental_verification_fires_every_quarter_hour_and_records_its_result()
    {
        var host = StartHost();
        var trigger = await (await SchedulerAsync(host)).GetTrigger(VerificationJob.IncrementalKey);
        Assert.Equal(Start.AddMinutes(15), trigger!.NextFireTimeUtc);
        Assert.Null(await Store(host).GetLastVerificationAsync());

        Clock.Advance(TimeSpan.FromMinutes(15));
        await WaitUntilAsync(async () => await Store(host).GetLastVerificationAsync() is not null, "no verification was recorded");

        var first = (await Store(host).GetLastVerificationAsync())!;
        Assert.Equal((VerificationScope.Incremental, true, 1L, 3L, 3L), (first.Scope, first.IsIntact, first.FromSequence, first.EntriesChecked, first.StatesChecked));

        // The next one starts after the first one's head: only the entry written since is recomputed.
        await Store(host).ExecuteAsync("gateway", new DefineService(new ServiceProfile("gateway", "Gateway") { Tier = 0 }), "test");
        Clock.Advance(TimeSpan.FromMinutes(15));
        await WaitUntilAsync(async () => (await Store(host).GetLastVerificationAsync())!.Head.Sequence == 4, "the second verification was not recorded");
        var second = (await Store(host).GetLastVerificationAsync())!;
        Assert.Equal((4L, 1L), (second.FromSequence, second.EntriesChecked));
    }

    [StoreFact]
    public async Task A_state_edited_outside_the_product_is_recorded_as_broken_by_the_nightly_full_verification()
    {
        var host = StartHost();
        await Database.ExecuteAsync("UPDATE services SET state = REPLACE(state, '\"tier\":1', '\"tier\":3') WHERE id = 'billing'");
        var full = await (await SchedulerAsync(host)).GetTrigger(VerificationJob.FullKey);
        Assert.Equal(Start.AddMinutes(90), full!.NextFireTimeUtc);

        Clock.Advance(TimeSpan.FromMinutes(90));
        await WaitUntilAsync(async () => await Store(host).GetLastVerificationAsync() is { Scope: VerificationScope.Full }, "no full verification was recorded");

        var last = (await Store(host).GetLastVerificationAsync())!;
        Assert.False(last.IsIntact);
        Assert.Equal(["service:billing: the state is not the one entry 2 recorded: it was edited outside the product"], last.Problems);
    }

    [StoreFact]
    public async Task Disabling_scheduled_verification_removes_its_triggers()
    {
        await StopAsync(StartHost());

        var disabled = StartHost(("Governance:Verification:Enabled", "false"));

        var scheduler = await SchedulerAsync(disabled);
        Assert.Null(await scheduler.GetJobDetail(VerificationJob.Key));
        Assert.Null(await scheduler.GetTrigger(VerificationJob.IncrementalKey));
    }
}
