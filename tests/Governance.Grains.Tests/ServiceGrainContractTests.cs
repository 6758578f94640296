using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;
using Governance.Grains.Contracts;
using Governance.Grains.Services;
using Governance.Grains.Tests.Support;
using Governance.Storage.Tests.Support;

namespace Governance.Grains.Tests;

/// <summary>Service grains in a two-silo TestingHost cluster over a real store; run once per dialect.</summary>
public abstract class ServiceGrainContractTests : StoreTestBase
{
    private const string Actor = "user:sam";

    private GrainCluster _cluster = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _cluster = await GrainCluster.StartAsync(Store, Clock);
    }

    public override async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await base.DisposeAsync();
    }

    [StoreFact]
    public async Task Concurrent_commands_meet_one_activation_and_each_gets_its_own_version()
    {
        await DefineAsync("checkout");

        var replies = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(new OpenRemediationItem(Item($"I-{i:00}")), Actor))));

        Assert.Equal(Enumerable.Range(2, 20).Select(version => (long)version), replies.Select(reply => Assert.IsType<CommandReply.Accepted>(reply).Service.Version).Order());
        var activations = await _cluster.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.Single(activations, activation => activation.GrainId.ToString() == "service/checkout");
        Assert.Equal(21, (await Store.GetServiceAsync("checkout"))!.Version);
    }

    [StoreFact]
    public async Task A_stale_expected_version_is_a_conflict_and_changes_nothing()
    {
        await DefineAsync("checkout", Item("I-1"));
        var change = new ChangeRemediationItem("I-1") { Status = RemediationStatus.InProgress };

        var first = await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(change, Actor, expectedVersion: 1));
        var second = await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(change with { Status = RemediationStatus.Done }, Actor, expectedVersion: 1));

        Assert.Equal(2, Assert.IsType<CommandReply.Accepted>(first).Service.Version);
        Assert.Equal(new CommandReply.Conflict(1, 2), second);
        Assert.Equal(RemediationStatus.InProgress, (await Store.GetServiceAsync("checkout"))!.State.RemediationItems.Single().Status);
    }

    [StoreFact]
    public async Task A_write_made_outside_the_cluster_is_picked_up_by_reads_and_commands()
    {
        await DefineAsync("checkout", Item("I-1"));
        await Store.ExecuteAsync("checkout", new OpenRemediationItem(Item("OUT-1")), "user:cli");

        var read = await Grain("checkout").GetAsync();
        await Store.ExecuteAsync("checkout", new OpenRemediationItem(Item("OUT-2")), "user:cli");
        var reply = await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(new ChangeRemediationItem("I-1") { Owner = "jane" }, Actor));

        Assert.Equal(2, read!.Version);
        var accepted = Assert.IsType<CommandReply.Accepted>(reply);
        Assert.Equal(4, accepted.Service.Version);
        Assert.Equal(["I-1", "OUT-1", "OUT-2"], accepted.Service.State.RemediationItems.Select(item => item.Id));
        Assert.Equal("jane", accepted.Service.State.RemediationItems[0].Owner);
    }

    [StoreFact]
    public async Task A_storage_failure_reaches_the_caller_and_commits_nothing()
    {
        await DefineAsync("checkout", Item("I-1"));
        var historyBefore = (await HistoryAsync()).Count;
        await Database.ExecuteAsync(FailHistoryInsertsSql);
        var change = ServiceCommandRequest.For(new ChangeRemediationItem("I-1") { Status = RemediationStatus.Done }, Actor);

        var failure = await Assert.ThrowsAsync<ServiceStoreException>(() => Grain("checkout").ExecuteAsync(change));
        await Database.ExecuteAsync(RepairHistoryInsertsSql);
        var afterRepair = await Grain("checkout").GetAsync();

        Assert.Contains("nothing was committed", failure.Message, StringComparison.Ordinal);
        Assert.Equal((1L, RemediationStatus.Open), (afterRepair!.Version, afterRepair.State.RemediationItems.Single().Status));
        Assert.Equal(historyBefore, (await HistoryAsync()).Count);
        Assert.IsType<CommandReply.Accepted>(await Grain("checkout").ExecuteAsync(change));
    }

    [StoreFact]
    public async Task A_rule_broken_through_a_grain_is_rejected_with_the_field()
    {
        await DefineAsync("checkout");
        var waiver = new Waiver("critical-path-hub", "Caching ships in January", "sam", DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(30));

        var reply = await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(new WaiveTrait(waiver), Actor));

        var rejected = Assert.IsType<CommandReply.Rejected>(reply);
        Assert.Equal("approver", Assert.Single(rejected.Errors).Field);
        Assert.Equal(1, rejected.CurrentVersion);
    }

    [StoreFact]
    public async Task Risks_reflect_a_change_at_once()
    {
        await DefineAsync("checkout");
        var before = await Grain("checkout").GetRisksAsync();

        await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(Definition("checkout") with { Profile = Definition("checkout").Profile with { Runbook = "https://runbooks.example.com/checkout" } }, Actor));
        var after = await Grain("checkout").GetRisksAsync();

        Assert.Contains("no-runbook", before!.Profile.Traits.Select(trait => trait.PolicyId));
        Assert.DoesNotContain("no-runbook", after!.Profile.Traits.Select(trait => trait.PolicyId));
        Assert.Equal((2L, (long?)null), (after.StateVersion, after.GraphRunId));
    }

    [StoreFact]
    public async Task A_requested_waiver_changes_the_risks_only_once_another_person_approves_it()
    {
        await DefineAsync("checkout");
        var request = new RequestWaiver("no-runbook", "Runbook is being written", DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(30));

        Assert.IsType<CommandReply.Accepted>(await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(request, Actor)));
        var whileRequested = await Grain("checkout").GetRisksAsync();
        var bySelf = await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(new ApproveWaiver("no-runbook"), "sam"));
        Assert.IsType<CommandReply.Accepted>(await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(new ApproveWaiver("no-runbook", "Due next week"), "user:cto")));
        var approved = await Grain("checkout").GetRisksAsync();

        Assert.Null(whileRequested!.Profile.Traits.Single(trait => trait.PolicyId == "no-runbook").Waiver);
        Assert.Equal("approver", Assert.Single(Assert.IsType<CommandReply.Rejected>(bySelf).Errors).Field);
        var waiver = approved!.Profile.Traits.Single(trait => trait.PolicyId == "no-runbook").Waiver!;
        Assert.Equal((WaiverStatus.Approved, "user:cto", Actor, "Due next week", 3L), (waiver.Status, waiver.Approver, waiver.RequestedBy, waiver.DecisionReason, approved.StateVersion));
    }

    [StoreFact]
    public async Task A_deadline_reminder_records_an_expired_waiver_once()
    {
        await DefineAsync("checkout");
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var waiver = new Waiver("no-runbook", "Runbook is being written", "cto", today.AddDays(1));
        Assert.IsType<CommandReply.Accepted>(await Grain("checkout").ExecuteAsync(ServiceCommandRequest.For(new WaiveTrait(waiver), Actor)));

        var recorded = _cluster.Log.NextAsync("DeadlineRecorded");
        Clock.Advance(TimeSpan.FromDays(2));
        await recorded;

        // The reminder goes once nothing is pending; a new activation checks the clock again and must record nothing twice.
        await _cluster.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var risks = await Grain("checkout").GetRisksAsync();

        var entries = (await HistoryAsync("service:checkout")).Where(entry => entry.Command == RecordWaiverExpired.CommandName).ToList();
        Assert.Equal(ServiceGrain.DeadlineActor, Assert.Single(entries).Actor);
        Assert.Null(risks!.Profile.Traits.Single(trait => trait.PolicyId == "no-runbook").Waiver);
    }

    /// <summary>SQL that makes every history insert fail, as a broken disk would, until <see cref="RepairHistoryInsertsSql"/>.</summary>
    protected abstract string FailHistoryInsertsSql { get; }

    protected abstract string RepairHistoryInsertsSql { get; }

    private IServiceGrain Grain(string id) => _cluster.Grains.GetGrain<IServiceGrain>(id);

    private async Task DefineAsync(string id, params RemediationItem[] items) =>
        Assert.IsType<CommandReply.Accepted>(await Grain(id).ExecuteAsync(ServiceCommandRequest.For(Definition(id) with { RemediationItems = items }, Actor)));

    private static DefineService Definition(string id) =>
        new(new ServiceProfile(id, id) { Owner = "team-payments", Tier = 1, Lifecycle = "production" });

    private static RemediationItem Item(string id) => new(id, $"Fix {id}") { OpenedOn = new DateOnly(2025, 3, 1), Eta = new DateOnly(2025, 12, 31) };
}
