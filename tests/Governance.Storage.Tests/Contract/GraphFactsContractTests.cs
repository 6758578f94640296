using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Domain.Graph;
using Governance.Storage.Audits;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>Every audited service's graph facts, kept with its run: written whole with it or not at all, read for one service from the latest run.</summary>
public abstract class GraphFactsContractTests : StoreTestBase
{
    [StoreFact]
    public async Task Before_any_run_succeeds_there_are_no_graph_facts()
    {
        var running = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        var failed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.FailAuditAsync(failed, "policy file unreadable");

        Assert.Null(await Store.Audits.GetLatestGraphFactsAsync("svc-01"));
        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(running))!.Status);
    }

    [StoreFact]
    public async Task Every_audited_service_gets_back_exactly_its_facts_and_a_newer_service_none()
    {
        var id = await CompleteAsync(AuditSamples.Audited, AuditSamples.Graph);

        for (var i = 0; i < AuditSamples.Audited.Count; i++)
        {
            Assert.Equal(new RunGraphFacts(id, AuditSamples.Facts(i)), await Store.Audits.GetLatestGraphFactsAsync($"svc-{i:D2}"));
        }

        Assert.Equal(new RunGraphFacts(id, null), await Store.Audits.GetLatestGraphFactsAsync("newcomer"));
        Assert.Equal(40, await CountAsync("audit_graph_facts"));

        // The stored form: the 13 values in declaration order, null where unknown.
        Assert.Equal("[5,6,7,8,9,10,11,12,null,false,13,14,null]", await Database.ScalarAsync("SELECT facts FROM audit_graph_facts WHERE service_id = 'svc-05'"));
        Assert.Equal("[7,8,9,10,11,12,13,14,420,true,15,16,700]", await Database.ScalarAsync("SELECT facts FROM audit_graph_facts WHERE service_id = 'svc-07'"));
    }

    [StoreFact]
    public async Task The_latest_succeeded_run_answers_whatever_runs_began_or_failed_after_it()
    {
        var first = await CompleteAsync(AuditSamples.Audited, AuditSamples.Graph);
        var fewer = AuditSamples.Audited.Take(20).ToList();
        var second = await CompleteAsync(fewer, [.. Enumerable.Range(100, 20).Select(AuditSamples.Facts)]);
        await Store.Audits.BeginAuditAsync("manual", AuditSamples.PolicySet);
        var failed = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        await Store.Audits.FailAuditAsync(failed, "crashed");

        Assert.Equal(new RunGraphFacts(second, AuditSamples.Facts(103)), await Store.Audits.GetLatestGraphFactsAsync("svc-03"));

        // svc-30 was audited by the first run only: the latest run does not know it.
        Assert.Equal(new RunGraphFacts(second, null), await Store.Audits.GetLatestGraphFactsAsync("svc-30"));
        Assert.Equal("[30,31,32,33,34,35,36,37,null,false,38,39,null]", await Database.ScalarAsync($"SELECT facts FROM audit_graph_facts WHERE run_id = {first} AND service_id = 'svc-30'"));
        Assert.Equal(60, await CountAsync("audit_graph_facts"));
    }

    [StoreFact]
    public async Task A_run_whose_graph_facts_fail_to_write_keeps_neither_facts_nor_profiles()
    {
        var earlier = await CompleteAsync(AuditSamples.Audited, AuditSamples.Graph);
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);

        // Fifteen hundred facts go out before the service audited twice, which the schema refuses.
        var services = Enumerable.Range(0, 1_500).Select(i => $"many-{i:D4}").ToList();
        services.Insert(1_200, services[3]);
        IReadOnlyList<GraphFacts> graph = [.. services.Select((_, i) => AuditSamples.Facts(i))];
        var result = new AuditResult(Clock.GetUtcNow(), AuditSamples.PolicySet, 7, services.Count, [AuditSamples.Profile("many-0001", "p-1")]);
        await Assert.ThrowsAnyAsync<DbException>(() => Store.Audits.CompleteAuditAsync(id, result, services, graph));

        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(id))!.Status);
        Assert.Equal(new RunGraphFacts(earlier, null), await Store.Audits.GetLatestGraphFactsAsync("many-0001"));
        Assert.Equal(40, await CountAsync("audit_graph_facts"));
        Assert.Equal(1, await CountAsync("audit_profiles"));
    }

    [StoreFact]
    public async Task Graph_facts_must_match_the_services_audited_in_number()
    {
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        var result = AuditSamples.Result(Clock.GetUtcNow(), AuditSamples.Profile("svc-01", "p-1"));

        var fewerFacts = await Assert.ThrowsAsync<ArgumentException>(() => Store.Audits.CompleteAuditAsync(id, result, AuditSamples.Audited, [.. AuditSamples.Graph.Skip(1)]));
        var fewerServices = await Assert.ThrowsAsync<ArgumentException>(() => Store.Audits.CompleteAuditAsync(id, result, [.. AuditSamples.Audited.Skip(1)], AuditSamples.Graph));

        Assert.StartsWith("the result audited 40 services, but 40 service ids and 39 graph facts were given", fewerFacts.Message, StringComparison.Ordinal);
        Assert.StartsWith("the result audited 40 services, but 39 service ids and 40 graph facts were given", fewerServices.Message, StringComparison.Ordinal);
        Assert.Equal(AuditRunStatus.Running, (await Store.Audits.GetAuditRunAsync(id))!.Status);
        Assert.Equal(0, await CountAsync("audit_graph_facts"));
    }

    [StoreFact]
    public async Task Facts_at_the_limits_of_their_values_are_kept_exactly()
    {
        GraphFacts[] graph =
        [
            new(int.MaxValue, 0, int.MaxValue - 1, 1, 2, 3, 4, 5, 0, true, 6, 7, int.MaxValue),
            new(0, 0, 0, 0, 0, 0, 0, 0, null, false, 0, 0, null),
        ];
        IReadOnlyList<string> services = ["widest", "isolated"];

        var id = await CompleteAsync(services, graph);

        Assert.Equal(new RunGraphFacts(id, graph[0]), await Store.Audits.GetLatestGraphFactsAsync("widest"));
        Assert.Equal(new RunGraphFacts(id, graph[1]), await Store.Audits.GetLatestGraphFactsAsync("isolated"));
    }

    private async Task<long> CompleteAsync(IReadOnlyList<string> services, IReadOnlyList<GraphFacts> graph)
    {
        var id = await Store.Audits.BeginAuditAsync("scheduled", AuditSamples.PolicySet);
        var result = new AuditResult(Clock.GetUtcNow(), AuditSamples.PolicySet, 7, services.Count, [AuditSamples.Profile(services[0], "p-1")]);
        await Store.Audits.CompleteAuditAsync(id, result, services, graph);
        return id;
    }
}
