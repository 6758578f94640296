using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Graph;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>A service's callers, found and counted through the index of edges that every service write keeps in its own transaction.</summary>
public abstract class CallerContractTests : StoreTestBase
{
    [StoreFact]
    public async Task Callers_are_found_by_id_through_the_apis_the_service_provides_and_by_its_dependencyOf()
    {
        await Store.ApplyBatchAsync(new CatalogBatch(
            [
                Define("billing", 1, ["payments", "refunds"], ["a-declared", "web", "ghost"], new Dependency("api:payments") { TimeoutMs = 150 }),
                Define("other-pay", 2, ["payments"]),
                Define("web", 3, [], [], new Dependency("billing") { CriticalPath = false, TimeoutMs = 300, Retries = 2, CircuitBreaker = true }),
                Define("app", 0, [], [], new Dependency("api:payments") { Synchronous = false, ClientCache = true }),
                Define("both", 2, [], [], new Dependency("billing") { Retries = 5 }, new Dependency("api:refunds") { GracefulDegradation = true, TimeoutMs = 900 }),
                Define("unrelated", 1, [], [], new Dependency("other-pay"), new Dependency("api:search")),
                Define("a-declared", 0),
            ],
            []), "importer");

        // A caller by two edges calls by the first in its own (target) order; billing calling its own API is no caller of itself.
        Assert.Equal(
            [
                new ServiceCaller("a-declared", "Service a-declared", "team-a-declared", 0, new Dependency("billing")),
                new ServiceCaller("app", "Service app", "team-app", 0, new Dependency("api:payments") { Synchronous = false, ClientCache = true }),
                new ServiceCaller("both", "Service both", "team-both", 2, new Dependency("api:refunds") { GracefulDegradation = true, TimeoutMs = 900 }),
                new ServiceCaller("web", "Service web", "team-web", 3, new Dependency("billing") { CriticalPath = false, TimeoutMs = 300, Retries = 2, CircuitBreaker = true }),
            ],
            await CallersAsync("billing"));
        Assert.Equal(
            [
                new ServiceCaller("app", "Service app", "team-app", 0, new Dependency("api:payments") { Synchronous = false, ClientCache = true }),
                new ServiceCaller("billing", "Service billing", "team-billing", 1, new Dependency("api:payments") { TimeoutMs = 150 }),
                new ServiceCaller("unrelated", "Service unrelated", "team-unrelated", 1, new Dependency("other-pay")),
            ],
            await CallersAsync("other-pay"));
        Assert.Empty(await CallersAsync("web"));
        Assert.Empty(await CallersAsync("ghost"));
    }

    [StoreFact]
    public async Task A_page_holds_the_first_callers_by_id_and_the_total_counts_each_caller_once()
    {
        // hub calls its own API and names four callers: b-declared and z-declared without an edge to it, c-both with two, ghost not stored.
        string[] many = [.. Enumerable.Range(1, 20).Select(i => $"f-{i:D2}")];
        var batch = await Store.ApplyBatchAsync(new CatalogBatch(
            [
                Define("hub", 0, ["flags"], ["b-declared", "z-declared", "c-both", "ghost"], new Dependency("api:flags")),
                Define("a-direct", 1, [], [], new Dependency("hub") { Retries = 1 }),
                Define("b-declared", 2),
                Define("c-both", 1, [], [], new Dependency("api:flags") { TimeoutMs = 100 }, new Dependency("hub") { Retries = 4 }),
                Define("d-api", 3, [], [], new Dependency("api:flags") { Synchronous = false }),
                .. many.Select(id => Define(id, 3, [], [], new Dependency("hub"))),
                Define("z-declared", 2, [], [], new Dependency("elsewhere")),
                Define("unrelated", 1, [], [], new Dependency("elsewhere"), new Dependency("api:other")),
            ],
            []), "importer");
        Assert.True(batch.Applied);

        List<ServiceCaller> all =
        [
            Caller("a-direct", new Dependency("hub") { Retries = 1 }, tier: 1),
            Caller("b-declared", new Dependency("hub"), tier: 2),
            Caller("c-both", new Dependency("api:flags") { TimeoutMs = 100 }, tier: 1),
            Caller("d-api", new Dependency("api:flags") { Synchronous = false }),
            .. many.Select(id => Caller(id, new Dependency("hub"))),
            Caller("z-declared", new Dependency("hub"), tier: 2),
        ];
        Assert.Equal(25, all.Count);

        var none = await Store.GetCallersAsync("hub", 0);
        var first = await Store.GetCallersAsync("hub", 3);
        var five = await Store.GetCallersAsync("hub", 5);
        var exact = await Store.GetCallersAsync("hub", 25);
        var more = await Store.GetCallersAsync("hub", 100);

        Assert.Equal((25, 25, 25, 25, 25), (none.Total, first.Total, five.Total, exact.Total, more.Total));
        Assert.Empty(none.Callers);
        Assert.Equal(all.Take(3), first.Callers);
        Assert.Equal(all.Take(5), five.Callers);
        Assert.Equal(all, exact.Callers);
        Assert.Equal(all, more.Callers);

        var nobody = await Store.GetCallersAsync("a-direct", 10);
        var missing = await Store.GetCallersAsync("ghost", 10);
        Assert.Equal((0, 0, 0, 0), (nobody.Total, nobody.Callers.Count, missing.Total, missing.Callers.Count));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.GetCallersAsync("hub", -1));
    }

    [StoreFact]
    public async Task Only_declared_callers_make_a_page_when_no_edge_reaches_the_service()
    {
        var batch = await Store.ApplyBatchAsync(new CatalogBatch(
            [
                Define("lib", 2, [], ["y-user", "x-user", "nobody"]),
                Define("x-user", 1),
                Define("y-user", 3, [], [], new Dependency("elsewhere")),
            ],
            []), "importer");
        Assert.True(batch.Applied);

        var page = await Store.GetCallersAsync("lib", 1);

        Assert.Equal(2, page.Total);
        Assert.Equal([Caller("x-user", new Dependency("lib"), tier: 1)], page.Callers);
    }

    [StoreFact]
    public async Task The_edge_index_follows_single_commands_and_grain_commits_and_a_stale_commit_leaves_it_alone()
    {
        await Store.ExecuteAsync("db", Define("db", 1, ["kv"]), "alice");
        await Store.ExecuteAsync("cache", Define("cache", 2), "alice");
        await Store.ExecuteAsync("web", Define("web", 3, [], [], new Dependency("db") { Retries = 1 }), "alice");
        Assert.Equal("web>db", await EdgeRowsAsync());
        Assert.Equal([Caller("web", new Dependency("db") { Retries = 1 })], await CallersAsync("db"));

        // A dependency added, and an edge's attributes changed: those are read from the caller's state.
        await Store.ExecuteAsync("web", Define("web", 3, [], [], new Dependency("db") { Retries = 3 }, new Dependency("cache")), "alice");
        Assert.Equal("web>cache web>db", await EdgeRowsAsync());
        Assert.Equal([Caller("web", new Dependency("db") { Retries = 3 })], await CallersAsync("db"));
        Assert.Equal([Caller("web", new Dependency("cache"))], await CallersAsync("cache"));

        // A target changed: from cache to an API db provides, which comes first in web's order.
        await Store.ExecuteAsync("web", Define("web", 3, [], [], new Dependency("db") { Retries = 3 }, new Dependency("api:kv") { TimeoutMs = 50 }), "alice");
        Assert.Equal("web>api:kv web>db", await EdgeRowsAsync());
        Assert.Empty(await CallersAsync("cache"));
        Assert.Equal([Caller("web", new Dependency("api:kv") { TimeoutMs = 50 })], await CallersAsync("db"));

        // The callee redefined without the API: the edge stays, and no longer reaches it.
        await Store.ExecuteAsync("db", Define("db", 1), "alice");
        Assert.Equal("web>api:kv web>db", await EdgeRowsAsync());
        Assert.Equal([Caller("web", new Dependency("db") { Retries = 3 })], await CallersAsync("db"));

        // A merged definition that names no dependencies keeps them.
        await Store.ExecuteAsync("web", Define("web", 3) with { Mode = DefinitionMode.Merge, Dependencies = null, Facts = new OperationalFacts { ManualDeploySteps = 2 } }, "alice");
        Assert.Equal("web>api:kv web>db", await EdgeRowsAsync());

        // A grain's commit: the state it decided, with a dependency removed.
        var decidedOn = (await Store.GetServiceAsync("web"))!;
        var committed = await Store.CommitServiceAsync(decidedOn.State with { Dependencies = [new Dependency("cache")] }, decidedOn, Define("web", 3), "grain");
        Assert.Equal(new CommitOutcome.Committed(5, Clock.GetUtcNow()), committed);
        Assert.Equal("web>cache", await EdgeRowsAsync());

        // One decided on a version no longer stored writes nothing: neither the state nor its edges.
        var stale = await Store.CommitServiceAsync(decidedOn.State with { Dependencies = [new Dependency("db")] }, decidedOn, Define("web", 3), "grain");
        Assert.Equal(new CommitOutcome.Stale(5), stale);
        Assert.Equal("web>cache", await EdgeRowsAsync());
        Assert.Empty(await CallersAsync("db"));

        await Store.ExecuteAsync("web", Define("web", 3), "alice");
        Assert.Null(await EdgeRowsAsync());
        Assert.Empty(await CallersAsync("cache"));
    }

    [StoreFact]
    public async Task The_edge_index_follows_batches_and_a_rejected_batch_or_a_dry_run_leaves_it_alone()
    {
        // A service defined twice in one batch keeps what the second definition says.
        await Store.ApplyBatchAsync(new CatalogBatch(
            [
                Define("db", 1), Define("cache", 2),
                Define("web", 3, [], [], new Dependency("db")), Define("api", 2, [], [], new Dependency("db"), new Dependency("cache")),
                Define("web", 3, [], [], new Dependency("cache") { Retries = 4 }),
            ],
            []), "importer");
        Assert.Equal("api>cache api>db web>cache", await EdgeRowsAsync());

        var rejected = await Store.ApplyBatchAsync(new CatalogBatch([Define("web", 3, [], [], new Dependency("db")), Catalog.Invalid("broken")], []), "importer");
        var dryRun = await Store.ApplyBatchAsync(new CatalogBatch([Define("api", 2), Define("new-one", 1, [], [], new Dependency("db"))], []), "importer", dryRun: true);

        Assert.Equal((false, 1, false, 0), (rejected.Applied, rejected.Rejected, dryRun.Applied, dryRun.Rejected));
        Assert.Equal("api>cache api>db web>cache", await EdgeRowsAsync());

        await Store.ApplyBatchAsync(new CatalogBatch([Define("api", 2, [], [], new Dependency("cache")), Define("new-one", 1, [], [], new Dependency("db"))], []), "importer");
        Assert.Equal("api>cache new-one>db web>cache", await EdgeRowsAsync());
        Assert.Equal(
            [Caller("api", new Dependency("cache"), tier: 2), Caller("web", new Dependency("cache") { Retries = 4 })],
            await CallersAsync("cache"));
    }

    [StoreFact]
    public async Task The_migration_fills_the_edge_index_from_the_states_stored_before_it()
    {
        await Store.ApplyBatchAsync(new CatalogBatch(
            [
                Define("db", 1, ["kv"]),
                Define("web", 3, [], [], new Dependency("db") { Retries = 2 }, new Dependency("api:kv"), new Dependency("ghost")),
                Define("worker", 2, [], [], new Dependency("api:kv") { Synchronous = false }),
                Define("plain", 0),
            ],
            []), "importer");
        Assert.Equal("web>api:kv web>db web>ghost worker>api:kv", await EdgeRowsAsync());

        // The store as it was before migration 0008: the next store to open applies it to these states.
        await Database.ExecuteAsync("DROP TABLE service_dependencies; DELETE FROM schema_migrations WHERE version = 8");
        var reopened = await OpenStoreAsync();

        Assert.Equal("web>api:kv web>db web>ghost worker>api:kv", await EdgeRowsAsync());
        Assert.Equal(
            [Caller("web", new Dependency("api:kv")), Caller("worker", new Dependency("api:kv") { Synchronous = false }, tier: 2)],
            await CallersAsync("db", reopened));
    }

    [StoreFact]
    public async Task On_a_random_fleet_callers_match_the_fleet_graph_built_from_every_stored_state()
    {
        var random = new Random(23);
        var ids = Enumerable.Range(0, 300).Select(i => $"svc-{(i * 7919) % 300:D3}").ToList();
        string[] apis = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
        DefineService RandomDefinition(string id) => Define(
            id,
            random.Next(4),
            [.. apis.Where(_ => random.Next(8) == 0)],
            [.. ids.Where(other => other != id && random.Next(150) == 0)],
            [
                .. Enumerable.Range(0, random.Next(6))
                    .Select(_ => random.Next(4) == 0 ? $"api:{apis[random.Next(apis.Length)]}" : random.Next(10) == 0 ? "missing" : ids[random.Next(ids.Count)])
                    .Where(target => target != id)
                    .Distinct()
                    .Select(target => new Dependency(target) { Retries = random.Next(3), Synchronous = random.Next(2) == 0 }),
            ]);

        // Three imports over the same fleet: most services are redefined, so the index sees deletes as well as inserts.
        for (var round = 0; round < 3; round++)
        {
            Assert.True((await Store.ApplyBatchAsync(new CatalogBatch([.. ids.Where(_ => round == 0 || random.Next(3) > 0).Select(RandomDefinition)], []), "importer")).Applied);
        }

        // The fleet graph (what `services show` listed before the index) as the reference: its first call from each caller.
        var states = (await Store.LoadSnapshotAsync()).Services;
        var graph = CallerIndex.Build(states);
        Assert.True(states.Sum(service => graph.CallsTo(service.Id).Count) > 600);
        foreach (var service in states)
        {
            var expected = graph.CallsTo(service.Id)
                .DistinctBy(call => call.Caller.Id)
                .OrderBy(call => call.Caller.Id, StringComparer.Ordinal)
                .Select(call => new ServiceCaller(call.Caller.Id, call.Caller.Profile.Name, call.Caller.Profile.Owner, call.Caller.Profile.Tier, call.Edge))
                .ToList();
            Assert.Equal(expected, await CallersAsync(service.Id));
            var page = await Store.GetCallersAsync(service.Id, 2);
            Assert.Equal(expected.Count, page.Total);
            Assert.Equal(expected.Take(2), page.Callers);
        }
    }

    private static DefineService Define(string id, int tier, string[]? apis = null, string[]? dependencyOf = null, params Dependency[] edges) =>
        new(new ServiceProfile(id, $"Service {id}") { Owner = $"team-{id}", Tier = tier, ProvidesApis = apis ?? [], DependencyOf = dependencyOf ?? [] })
        {
            Dependencies = edges,
        };

    /// <summary>Every caller of <paramref name="id"/>; the page's total counts exactly those listed.</summary>
    private async Task<IReadOnlyList<ServiceCaller>> CallersAsync(string id, GovernanceStore? store = null)
    {
        var page = await (store ?? Store).GetCallersAsync(id, int.MaxValue);
        Assert.Equal(page.Callers.Count, page.Total);
        return page.Callers;
    }

    private static ServiceCaller Caller(string id, Dependency edge, int tier = 3) => new(id, $"Service {id}", $"team-{id}", tier, edge);

    /// <summary>Every row of the index as <c>caller&gt;target</c>, ordered.</summary>
    private async Task<string?> EdgeRowsAsync() =>
        await Database.ScalarAsync("SELECT string_agg(caller_id || '>' || target, ' ' ORDER BY caller_id, target) FROM service_dependencies") as string;
}
