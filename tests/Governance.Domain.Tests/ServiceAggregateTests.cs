using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;

namespace Governance.Domain.Tests;

public sealed class ServiceAggregateTests
{
    [Fact]
    public void Defining_a_new_service_creates_it_with_sorted_dependencies()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { Dependencies = [new Dependency("zeta"), new Dependency("alpha")] });

        Assert.Equal(["alpha", "zeta"], state.Dependencies.Select(edge => edge.Target).ToList());
    }

    [Fact]
    public void The_same_definition_twice_is_unchanged()
    {
        var define = new DefineService(Samples.Profile("api")) { Dependencies = [new Dependency("db") { TimeoutMs = 100 }] };
        var state = Samples.Created(define);

        var outcome = ServiceAggregate.Decide(state, define with { Dependencies = [new Dependency("db") { TimeoutMs = 100 }] }, Samples.Now);

        Assert.IsType<CommandOutcome<ServiceState>.Unchanged>(outcome);
    }

    [Fact]
    public void A_replace_definition_forgets_sections_it_leaves_out()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { Footprint = new Footprint(3, 3, 1, 1) });

        var outcome = ServiceAggregate.Decide(state, new DefineService(Samples.Profile("api")), Samples.Now);

        Assert.Null(Assert.IsType<CommandOutcome<ServiceState>.Accepted>(outcome).State.Footprint);
    }

    [Fact]
    public void A_merge_definition_keeps_known_facts_and_edge_attributes()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api", tier: 0)) { Footprint = new Footprint(3, 3, 1, 1), Dependencies = [new Dependency("db") { TimeoutMs = 250, ClientCache = true }] });
        var merge = new DefineService(Samples.Profile("api", tier: null, owner: "team-b")) { Mode = DefinitionMode.Merge, Dependencies = [new Dependency("db"), new Dependency("cache")] };

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(state, merge, Samples.Now)).State;

        Assert.Equal((0, "team-b"), (next.Profile.Tier, next.Profile.Owner));
        Assert.Equal(new Footprint(3, 3, 1, 1), next.Footprint);
        Assert.Equal([("cache", (int?)null, false), ("db", 250, true)], next.Dependencies.Select(edge => (edge.Target, edge.TimeoutMs, edge.ClientCache)).ToList());
    }

    [Fact]
    public void Imported_items_are_upserted_and_never_removed()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1"), Samples.Item("A-2")] });

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(
            ServiceAggregate.Decide(state, new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-2", RemediationStatus.Done)] }, Samples.Now)).State;

        Assert.Equal([("A-1", RemediationStatus.Open), ("A-2", RemediationStatus.Done)], next.RemediationItems.Select(item => (item.Id, item.Status)).ToList());
    }

    [Fact]
    public void An_invalid_definition_is_rejected_with_every_broken_field()
    {
        var define = new DefineService(Samples.Profile("api", tier: 7)) { Dependencies = [new Dependency("api"), new Dependency("db") { TimeoutMs = 0 }] };

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(ServiceAggregate.Decide(null, define, Samples.Now));

        Assert.Equal(["dependencies[0].target", "dependencies[1].timeoutMs", "tier"], rejected.Errors.Select(error => error.Field).Order().ToList());
    }

    [Fact]
    public void A_caller_declared_twice_from_the_callee_end_is_rejected()
    {
        var define = new DefineService(Samples.Profile("flags") with { DependencyOf = ["web", "web"] });

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(ServiceAggregate.Decide(null, define, Samples.Now));

        Assert.Equal("dependencyOf[1]", Assert.Single(rejected.Errors).Field);
    }

    [Fact]
    public void Commands_on_a_missing_service_are_rejected()
    {
        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(ServiceAggregate.Decide(null, new OpenRemediationItem(Samples.Item("X-1")), Samples.Now));

        Assert.Equal("id", Assert.Single(rejected.Errors).Field);
    }

    [Fact]
    public void Opening_an_item_twice_is_rejected()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1")] });

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(ServiceAggregate.Decide(state, new OpenRemediationItem(Samples.Item("A-1")), Samples.Now));

        Assert.Contains("already exists", Assert.Single(rejected.Errors).Message);
    }

    [Fact]
    public void Completing_an_item_records_when()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1")] });

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(
            ServiceAggregate.Decide(state, new ChangeRemediationStatus("A-1", RemediationStatus.Done), Samples.Now)).State;

        Assert.Equal(Samples.Now, Assert.Single(next.RemediationItems).CompletedAt);
    }
}
