using Governance.Domain.Audit;
using Governance.Domain.History;
using Governance.Storage.Audits;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>What a run adds up to, kept with it: services by tier and level, its changes, its riskiest services and hubs, and a service's trend.</summary>
public abstract class RunSummaryContractTests : StoreTestBase
{
    [StoreFact]
    public async Task An_empty_store_has_no_run_and_nothing_to_sum_up()
    {
        Assert.Null(await Store.Audits.GetLatestSucceededRunAsync());
        Assert.Empty(await Store.Audits.GetRiskByTierAsync(1));
        Assert.Null(await Store.Audits.GetChangesAsync(1));
        Assert.Empty(await Store.Audits.ListRiskiestAsync(1, 5));
        Assert.Empty(await Store.Audits.ListHubsAsync(1, 5));
        Assert.Empty(await Store.Audits.GetRiskTrendAsync("flags", 5));
    }

    [StoreFact]
    public async Task A_run_keeps_its_services_by_tier_and_level_and_its_changes()
    {
        var runId = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        Assert.Equal(runId, (await Store.Audits.GetLatestSucceededRunAsync())!.Id);
        Assert.Equal(SmallFleet.RiskByTier, await Store.Audits.GetRiskByTierAsync(runId));
        Assert.Equal(new AuditRunChanges(runId, null, 7, 0, 0), await Store.Audits.GetChangesAsync(runId));
    }

    [StoreFact]
    public async Task The_changes_kept_are_the_counts_of_the_diff_against_the_run_before()
    {
        var first = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());
        var failed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.FailAuditAsync(failed, "crashed");
        var second = await CompleteSecondRunAsync();

        var changes = await Store.Audits.GetChangesAsync(second);
        var diff = (await Store.Audits.GetAuditDiffAsync(second))!.Diff;

        Assert.Equal(new AuditRunChanges(second, first, 1, 1, 6), changes);
        Assert.Equal((diff.New.Count, diff.Resolved.Count, diff.Unchanged.Count), (changes!.New, changes.Resolved, changes.Unchanged));
        Assert.Null(await Store.Audits.GetChangesAsync(failed));
        Assert.Equal([new TierRiskCount(3, RiskLevel.Low, 2)], (await Store.Audits.GetRiskByTierAsync(second)).Where(count => count.Tier == 3));
    }

    [StoreFact]
    public async Task The_change_list_kept_names_what_is_new_and_resolved_against_the_run_before()
    {
        var first = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());
        var failed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.FailAuditAsync(failed, "crashed");
        var second = await CompleteSecondRunAsync();

        var latest = await Store.Audits.GetChangeListAsync();

        Assert.Equal(new AuditRunChanges(second, first, 1, 1, 6), latest!.Counts);
        Assert.Equal([new FindingKey("wiki", "stale-dr-test")], latest.FirstNew);
        Assert.Equal([new FindingKey("flags", "critical-no-timeout")], latest.FirstResolved);
        Assert.Equal(7, (await Store.Audits.GetChangeListAsync(first))!.FirstNew.Count);
        Assert.Null(await Store.Audits.GetChangeListAsync(failed));
    }

    [StoreFact]
    public async Task A_run_with_more_changes_than_are_listed_keeps_the_first_by_service_then_policy()
    {
        string[] policies = ["p-f", "p-e", "p-d", "p-c", "p-b", "p-a"];
        var runId = await Store.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);
        var profiles = AuditSamples.Audited.Reverse().Select(id => AuditSamples.Profile(id, policies)).ToArray();
        await Store.Audits.CompleteAuditAsync(runId, AuditSamples.Result(Clock.GetUtcNow(), profiles), AuditSamples.Audited, AuditSamples.Graph);

        var changes = await Store.Audits.GetChangeListAsync(runId);

        // 40 services of 6 findings each: the first 200 are all of svc-00 … svc-32 (198) and svc-33's first two.
        var expected = Enumerable.Range(0, 34).SelectMany(i => new[] { "p-a", "p-b", "p-c", "p-d", "p-e", "p-f" }.Select(policy => new FindingKey($"svc-{i:D2}", policy))).Take(200);
        Assert.Equal(240, changes!.Counts.New);
        Assert.Equal(AuditRunStore.ChangesListed, changes.FirstNew.Count);
        Assert.Equal(expected, changes.FirstNew);
        Assert.Equal(new FindingKey("svc-33", "p-b"), changes.FirstNew[^1]);
    }

    [StoreFact]
    public async Task The_riskiest_services_come_by_score_then_id_with_their_traits()
    {
        var runId = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var riskiest = await Store.Audits.ListRiskiestAsync(runId, 3);
        var all = await Store.Audits.ListRiskiestAsync(runId, 10);

        Assert.Equal(
            [("flags", "Atlas Flags", "team-platform", (int?)0, 20), ("billing", "Billing Ledger", "team-payments", 0, 10), ("checkout", "Checkout API", "team-payments", 1, 4)],
            riskiest.Select(ranked => (ranked.ServiceId, ranked.Name, ranked.Team, ranked.Tier, ranked.Profile.Score)));
        Assert.Equal(["critical-path-hub", "critical-no-timeout"], riskiest[0].Profile.Traits.Select(trait => trait.PolicyId));
        Assert.Equal(AuditSamples.Trait("critical-path-hub").Evidence, riskiest[0].Profile.Traits[0].Evidence);
        // batch_jobs's only trait is waived: it scores 0 and is not among the risky.
        Assert.Equal(["flags", "billing", "checkout", "reports"], all.Select(ranked => ranked.ServiceId));
    }

    [StoreFact]
    public async Task The_hubs_are_the_services_with_the_most_critical_path_callers()
    {
        var runId = await SmallFleet.LoadAsync(Store, Clock.GetUtcNow());

        var hubs = await Store.Audits.ListHubsAsync(runId, 5);

        Assert.Equal([("flags", "Atlas Flags", (int?)0, 6), ("billing", "Billing Ledger", 0, 2), ("checkout", "Checkout API", 1, 2)], hubs.Select(hub => (hub.ServiceId, hub.Name, hub.Tier, hub.Facts.CriticalFanIn)));
        Assert.Equal(AuditSamples.Facts(3) with { CriticalFanIn = 6 }, hubs[0].Facts);
        Assert.Equal(["flags"], (await Store.Audits.ListHubsAsync(runId, 1)).Select(hub => hub.ServiceId));
    }

    [StoreFact]
    public async Task A_trend_has_a_point_for_every_run_that_audited_the_service_oldest_first()
    {
        var firstAt = HistoryEntry.Normalize(Clock.GetUtcNow());
        var first = await SmallFleet.LoadAsync(Store, firstAt);
        Clock.Advance(TimeSpan.FromDays(1));
        var secondAt = HistoryEntry.Normalize(Clock.GetUtcNow());
        var second = await CompleteSecondRunAsync();

        Assert.Equal([new RiskPoint(first, firstAt, 20, RiskLevel.Critical), new RiskPoint(second, secondAt, 10, RiskLevel.High)], await Store.Audits.GetRiskTrendAsync("flags", 5));
        Assert.Equal([new RiskPoint(first, firstAt, 0, RiskLevel.None), new RiskPoint(second, secondAt, 2, RiskLevel.Low)], await Store.Audits.GetRiskTrendAsync("wiki", 5));
        Assert.Equal([new RiskPoint(second, secondAt, 2, RiskLevel.Low)], await Store.Audits.GetRiskTrendAsync("wiki", 1));
        Assert.Empty(await Store.Audits.GetRiskTrendAsync("newcomer", 5));
    }

    // The same six services: flags loses critical-no-timeout (now 10, high), wiki gains stale-dr-test (2, low).
    private async Task<long> CompleteSecondRunAsync()
    {
        var runId = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        var first = SmallFleet.Result(Clock.GetUtcNow());
        var profiles = first.Profiles
            .Select(profile => profile.ServiceId == "flags" ? AuditSamples.Profile("flags", "critical-path-hub") : profile)
            .Append(AuditSamples.Profile("wiki", "stale-dr-test"));
        await Store.Audits.CompleteAuditAsync(runId, first with { Profiles = [.. profiles] }, SmallFleet.Audited, [.. SmallFleet.Audited.Select((_, i) => AuditSamples.Facts(i))]);
        return runId;
    }
}
