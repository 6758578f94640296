using Governance.Application.Auditing;
using Governance.Application.Risks;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Policies;
using Governance.Domain.Serialization;
using Governance.Integrations.Generation;
using Governance.Policies.Tests.Support;
using Governance.Storage;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Risks;

/// <summary>One service's risk, re-evaluated between audits from the latest run's graph facts and its targets' current states.</summary>
public abstract class ServiceRiskEvaluatorTests : StoreTestBase
{
    private static readonly PolicyEngine Policies = PolicyFolder.Load(Repository.Policies);

    [StoreFact]
    public async Task Every_service_of_an_audited_fleet_is_assessed_as_the_audit_found_it()
    {
        var services = FleetGenerator.Generate(services: 300, seed: 3).Services.ToList();
        var apis = services.SelectMany(service => service.Profile.ProvidesApis).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < services.Count; i += 5)
        {
            services[i] = services[i].WithProfile(profile => profile with { ProvidesApis = [.. profile.ProvidesApis, apis[i % apis.Count]] });
        }

        await Store.ApplyBatchAsync(new CatalogBatch([.. services.Select(Definition)], []), "importer");
        var runId = await new FleetAudit(Store, Repository.Policies, Clock).RunAsync("test");
        var audit = (await Store.Audits.GetAuditAsync(runId))!;
        var found = audit.Result.Profiles.ToDictionary(profile => profile.ServiceId, StringComparer.Ordinal);
        Assert.Equal(300, audit.Result.ServicesAudited);

        foreach (var service in (await Store.LoadSnapshotAsync()).Services)
        {
            var assessment = await ServiceRiskEvaluator.EvaluateAsync(Store, Policies, service, audit.Result.At);

            var expected = found.GetValueOrDefault(service.Id) ?? new RiskProfile(service.Id, []);
            Assert.Equal(DomainJson.Serialize(expected), DomainJson.Serialize(assessment.Profile));
            Assert.Equal((audit.Result.At, (long?)runId), (assessment.EvaluatedAt, assessment.GraphRunId));
        }
    }

    [StoreFact]
    public async Task Before_any_audit_a_service_is_assessed_without_graph_facts()
    {
        await Store.ApplyBatchAsync(HubAndCallers(), "importer");

        var hub = await AssessAsync("flags");
        var caller = await AssessAsync("app-1");

        // Six tier-0 services call the hub on their critical path, but only an audit can know that.
        Assert.Null(hub.GraphRunId);
        Assert.Null(caller.GraphRunId);
        Assert.Empty(hub.Profile.Traits);
        Assert.Empty(caller.Profile.Traits);
    }

    [StoreFact]
    public async Task A_service_newer_than_the_latest_audit_is_assessed_without_graph_facts_and_an_audited_one_with_them()
    {
        await Store.ApplyBatchAsync(HubAndCallers(), "importer");
        var runId = await AuditAsync();
        await Store.ExecuteAsync("app-7", Define(Caller("app-7") with { Dependencies = [new Dependency("api:flags")] }), "alice");

        var newcomer = await AssessAsync("app-7");
        var hub = await AssessAsync("flags");

        Assert.Null(newcomer.GraphRunId);
        Assert.Equal(["unguarded-critical-dependency"], Traits(newcomer));
        Assert.Equal(runId, hub.GraphRunId);
        Assert.Equal(["critical-path-hub"], Traits(hub));
        Assert.Equal(["critical-path-hub"], Traits(Assert.Single((await Store.Audits.GetAuditAsync(runId))!.Result.Profiles)));
    }

    [StoreFact]
    public async Task A_target_changed_after_the_audit_is_judged_as_it_is_now()
    {
        await Store.ApplyBatchAsync(HubAndCallers(), "importer");
        var runId = await AuditAsync();
        await Store.ExecuteAsync("flags", Define(Hub().WithProfile(profile => profile with { Tier = 2 })), "alice");

        var caller = await AssessAsync("app-1");

        Assert.Equal(runId, caller.GraphRunId);
        Assert.Equal(["hard-dependency-on-lower-tier"], Traits(caller));
    }

    [StoreFact]
    public async Task Kept_inputs_show_a_targets_change_once_they_are_older_than_their_keeping_time()
    {
        await Store.ApplyBatchAsync(HubAndCallers(), "importer");
        await AuditAsync();
        var inputs = new ServiceRiskInputs(Store, Clock, TimeSpan.FromSeconds(30));
        var caller = (await Store.GetServiceAsync("app-1"))!.State;
        var before = await inputs.EvaluateAsync(Policies, caller, TestFleet.AuditTime);
        await Store.ExecuteAsync("flags", Define(Hub().WithProfile(profile => profile with { Tier = 2 })), "alice");

        var kept = await inputs.EvaluateAsync(Policies, caller, TestFleet.AuditTime);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var reread = await inputs.EvaluateAsync(Policies, caller, TestFleet.AuditTime);

        Assert.Empty(Traits(before));
        Assert.Empty(Traits(kept));
        Assert.Equal(["hard-dependency-on-lower-tier"], Traits(reread));
    }

    [StoreFact]
    public async Task Kept_inputs_read_a_new_edges_target_at_once()
    {
        await Store.ApplyBatchAsync(HubAndCallers(), "importer");
        await Store.ExecuteAsync("flags", Define(Hub().WithProfile(profile => profile with { Tier = 2 })), "alice");
        var inputs = new ServiceRiskInputs(Store, Clock, TimeSpan.FromSeconds(30));
        var alone = Healthy.Service("app-9", tier: 0);

        var before = await inputs.EvaluateAsync(Policies, alone, TestFleet.AuditTime);
        var calling = await inputs.EvaluateAsync(Policies, alone.Calling(new Dependency("api:flags") { TimeoutMs = 100 }), TestFleet.AuditTime);

        Assert.DoesNotContain("hard-dependency-on-lower-tier", Traits(before));
        Assert.Contains("hard-dependency-on-lower-tier", Traits(calling));
    }

    /// <summary>A tier-0 hub providing the API <c>flags</c>, and six healthy tier-0 services that call it on their critical path.</summary>
    private static CatalogBatch HubAndCallers() =>
        new([Define(Hub()), .. Enumerable.Range(1, 6).Select(i => Define(Caller($"app-{i}")))], []);

    private static ServiceState Hub() => Healthy.Service("flags", tier: 0).WithProfile(profile => profile with { ProvidesApis = ["flags"] });

    private static ServiceState Caller(string id) => Healthy.Service(id, tier: 0).Calling(new Dependency("api:flags") { TimeoutMs = 100 });

    private async Task<long> AuditAsync() => await new FleetAudit(Store, Repository.Policies, new FakeTimeProvider(TestFleet.AuditTime)).RunAsync("test");

    private async Task<ServiceRiskAssessment> AssessAsync(string id) =>
        await ServiceRiskEvaluator.EvaluateAsync(Store, Policies, (await Store.GetServiceAsync(id))!.State, TestFleet.AuditTime);

    private static IReadOnlyList<string> Traits(ServiceRiskAssessment assessment) => Traits(assessment.Profile);

    private static IReadOnlyList<string> Traits(RiskProfile profile) => [.. profile.Traits.Select(trait => trait.PolicyId)];

    private static DefineService Define(ServiceState state) => Definition(state);

    private static DefineService Definition(ServiceState state) => new(state.Profile)
    {
        Footprint = state.Footprint,
        DataStores = state.DataStores,
        Facts = state.Facts,
        Dependencies = state.Dependencies,
        RemediationItems = state.RemediationItems,
    };
}
