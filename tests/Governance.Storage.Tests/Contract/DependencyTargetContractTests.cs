using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Serialization;
using Governance.Storage.Tests.Support;

namespace Governance.Storage.Tests.Contract;

/// <summary>One service's dependency targets, read through the index of API providers that every service write keeps.</summary>
public abstract class DependencyTargetContractTests : StoreTestBase
{
    [StoreFact]
    public async Task An_edge_resolves_to_the_service_with_that_id_and_an_api_edge_to_its_provider_with_the_smallest_id()
    {
        await Store.ApplyBatchAsync(new CatalogBatch(
            [
                Define("billing"), Define("pay-b", ["payments"]), Define("pay-a", ["refunds", "payments"]), Define("search-z", ["search"]),
                Define("caller", [], "billing", "api:payments", "api:search", "api:refunds", "ghost", "api:nothing"),
            ],
            []), "importer");
        var caller = (await Store.GetServiceAsync("caller"))!.State;

        var targets = await Store.GetDependencyTargetsAsync(caller);

        Assert.Equal(["billing", "pay-a", "search-z"], targets.Select(target => target.Id));
        Assert.Equal(DomainJson.Serialize(await StatesAsync("billing", "pay-a", "search-z")), DomainJson.Serialize(targets));
        Assert.Empty(await Store.GetDependencyTargetsAsync((await Store.GetServiceAsync("billing"))!.State));

        // A state not stored yet (a definition being considered) resolves the same way.
        Assert.Equal(["pay-a"], (await Store.GetDependencyTargetsAsync(State("unsaved", [], "api:payments", "api:search-not-provided"))).Select(target => target.Id));
    }

    [StoreFact]
    public async Task For_an_api_the_service_provides_itself_the_provider_with_the_smallest_other_id_is_given()
    {
        await Store.ApplyBatchAsync(new CatalogBatch([Define("pay-a", ["payments"], "api:payments"), Define("pay-c", ["payments"]), Define("pay-b", ["payments"])], []), "importer");

        var targets = await Store.GetDependencyTargetsAsync((await Store.GetServiceAsync("pay-a"))!.State);

        Assert.Equal(["pay-b"], targets.Select(target => target.Id));
    }

    [StoreFact]
    public async Task The_api_index_follows_every_single_command()
    {
        await Store.ExecuteAsync("pay-b", Define("pay-b", ["payments"]), "alice");
        Assert.Equal("payments=pay-b", await ApiRowsAsync());

        await Store.ExecuteAsync("aaa-pay", Define("aaa-pay", ["payments", "search"]), "alice");
        Assert.Equal("payments=aaa-pay payments=pay-b search=aaa-pay", await ApiRowsAsync());
        Assert.Equal(["aaa-pay"], (await Store.GetDependencyTargetsAsync(State("caller", [], "api:payments"))).Select(target => target.Id));

        await Store.ExecuteAsync("aaa-pay", Define("aaa-pay", ["search"]), "alice");
        Assert.Equal("payments=pay-b search=aaa-pay", await ApiRowsAsync());
        Assert.Equal(["pay-b"], (await Store.GetDependencyTargetsAsync(State("caller", [], "api:payments"))).Select(target => target.Id));

        // A merged definition that names no APIs keeps them; a command that leaves the profile alone writes no row.
        await Store.ExecuteAsync("aaa-pay", Define("aaa-pay", []) with { Mode = DefinitionMode.Merge, Facts = new OperationalFacts { ManualDeploySteps = 4 } }, "alice");
        await Store.ExecuteAsync("pay-b", Catalog.Item("fix-timeouts"), "alice");
        Assert.Equal(3, (await Store.GetServiceAsync("aaa-pay"))!.Version);
        Assert.Equal("payments=pay-b search=aaa-pay", await ApiRowsAsync());

        await Store.ExecuteAsync("pay-b", Define("pay-b", []), "alice");
        Assert.Equal("search=aaa-pay", await ApiRowsAsync());
    }

    [StoreFact]
    public async Task The_api_index_follows_batches_and_a_rejected_batch_or_a_dry_run_leaves_it_alone()
    {
        // An API listed twice is provided once; a service defined twice in one batch keeps what the second definition says.
        await Store.ApplyBatchAsync(new CatalogBatch([Define("pay-a", ["payments"]), Define("pay-b", ["payments", "payments"]), Define("pay-a", ["refunds"])], []), "importer");
        Assert.Equal("payments=pay-b refunds=pay-a", await ApiRowsAsync());

        var rejected = await Store.ApplyBatchAsync(new CatalogBatch([Define("pay-a", ["payments"]), Catalog.Invalid("broken")], []), "importer");
        var dryRun = await Store.ApplyBatchAsync(new CatalogBatch([Define("pay-b", ["search"]), Define("new-one", ["search"])], []), "importer", dryRun: true);

        Assert.Equal((false, 1, false, 0), (rejected.Applied, rejected.Rejected, dryRun.Applied, dryRun.Rejected));
        Assert.Equal("payments=pay-b refunds=pay-a", await ApiRowsAsync());

        await Store.ApplyBatchAsync(new CatalogBatch([Define("pay-b", ["search", "refunds"]), Define("new-one", ["search"])], []), "importer");
        Assert.Equal("refunds=pay-a refunds=pay-b search=new-one search=pay-b", await ApiRowsAsync());
    }

    [StoreFact]
    public async Task On_a_random_fleet_targets_match_a_search_over_every_stored_state()
    {
        var random = new Random(17);
        var ids = Enumerable.Range(0, 300).Select(i => $"svc-{(i * 7919) % 300:D3}").ToList();
        string[] apis = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
        DefineService RandomDefinition(string id) => Define(
            id,
            [.. apis.Where(_ => random.Next(8) == 0)],
            [.. Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(4) == 0 ? $"api:{apis[random.Next(apis.Length)]}" : random.Next(10) == 0 ? "missing" : ids[random.Next(ids.Count)]).Where(target => target != id).Distinct()]);

        // Three imports over the same fleet: most services are redefined, so the index sees updates as well as inserts.
        for (var round = 0; round < 3; round++)
        {
            var batch = await Store.ApplyBatchAsync(new CatalogBatch([.. ids.Where(_ => round == 0 || random.Next(3) > 0).Select(RandomDefinition)], []), "importer");
            Assert.True(batch.Applied);
        }

        var states = (await Store.LoadSnapshotAsync()).Services;
        Assert.True(states.Count(state => state.Profile.ProvidesApis.Count > 0) > 50);
        foreach (var service in states)
        {
            var expected = service.Dependencies
                .Select(edge => edge.IsApi
                    ? states.Where(other => other.Id != service.Id && other.Profile.ProvidesApis.Contains(edge.Target[4..])).MinBy(other => other.Id, StringComparer.Ordinal)
                    : states.SingleOrDefault(other => other.Id == edge.Target))
                .OfType<ServiceState>()
                .Select(target => target.Id)
                .Distinct()
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected, (await Store.GetDependencyTargetsAsync(service)).Select(target => target.Id));
        }
    }

    [StoreFact]
    public async Task The_migration_fills_the_api_index_from_the_states_stored_before_it()
    {
        await Store.ApplyBatchAsync(new CatalogBatch([Define("pay-b", ["payments", "refunds"]), Define("pay-a", ["payments"]), Define("plain")], []), "importer");
        Assert.Equal("payments=pay-a payments=pay-b refunds=pay-b", await ApiRowsAsync());

        // The store as it was before migration 0003: the next store to open applies it to these states.
        await Database.ExecuteAsync("DROP TABLE service_apis; DROP TABLE audit_graph_facts; DELETE FROM schema_migrations WHERE version = 3");
        var reopened = await OpenStoreAsync();

        Assert.Equal("payments=pay-a payments=pay-b refunds=pay-b", await ApiRowsAsync());
        Assert.Equal(0, await CountAsync("audit_graph_facts"));
        Assert.Equal(["pay-a"], (await reopened.GetDependencyTargetsAsync(State("caller", [], "api:payments"))).Select(target => target.Id));
    }

    private static DefineService Define(string id, string[]? apis = null, params string[] targets) =>
        new(new ServiceProfile(id, $"Service {id}") { Tier = 1, ProvidesApis = apis ?? [] })
        {
            Dependencies = [.. targets.Select(target => new Dependency(target) { TimeoutMs = 300 })],
        };

    private static ServiceState State(string id, string[] apis, params string[] targets)
    {
        var define = Define(id, apis, targets);
        return new ServiceState(define.Profile) { Dependencies = define.Dependencies! };
    }

    private async Task<List<ServiceState>> StatesAsync(params string[] ids)
    {
        var states = new List<ServiceState>();
        foreach (var id in ids)
        {
            states.Add((await Store.GetServiceAsync(id))!.State);
        }

        return states;
    }

    /// <summary>Every row of the index as <c>api=service</c>, ordered.</summary>
    private async Task<string?> ApiRowsAsync() =>
        await Database.ScalarAsync("SELECT string_agg(api || '=' || service_id, ' ' ORDER BY api, service_id) FROM service_apis") as string;
}
