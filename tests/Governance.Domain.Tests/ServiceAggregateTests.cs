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

        var outcome = Samples.Decide(state, define with { Dependencies = [new Dependency("db") { TimeoutMs = 100 }] });

        Assert.IsType<CommandOutcome<ServiceState>.Unchanged>(outcome);
    }

    [Fact]
    public void A_replace_definition_forgets_sections_it_leaves_out()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { Footprint = new Footprint(3, 3, 1, 1) });

        var outcome = Samples.Decide(state, new DefineService(Samples.Profile("api")));

        Assert.Null(Assert.IsType<CommandOutcome<ServiceState>.Accepted>(outcome).State.Footprint);
    }

    [Fact]
    public void A_merge_definition_keeps_known_facts_and_edge_attributes()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api", tier: 0)) { Footprint = new Footprint(3, 3, 1, 1), Dependencies = [new Dependency("db") { TimeoutMs = 250, ClientCache = true }] });
        var merge = new DefineService(Samples.Profile("api", tier: null, owner: "team-b")) { Mode = DefinitionMode.Merge, Dependencies = [new Dependency("db"), new Dependency("cache")] };

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(state, merge)).State;

        Assert.Equal((0, "team-b"), (next.Profile.Tier, next.Profile.Owner));
        Assert.Equal(new Footprint(3, 3, 1, 1), next.Footprint);
        Assert.Equal([("cache", (int?)null, false), ("db", 250, true)], next.Dependencies.Select(edge => (edge.Target, edge.TimeoutMs, edge.ClientCache)).ToList());
    }

    [Fact]
    public void Imported_items_are_upserted_and_never_removed()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1"), Samples.Item("A-2")] });

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(
            Samples.Decide(state, new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-2", RemediationStatus.Done)] })).State;

        Assert.Equal([("A-1", RemediationStatus.Open), ("A-2", RemediationStatus.Done)], next.RemediationItems.Select(item => (item.Id, item.Status)).ToList());
    }

    [Fact]
    public void An_invalid_definition_is_rejected_with_every_broken_field()
    {
        var define = new DefineService(Samples.Profile("api", tier: 7)) { Dependencies = [new Dependency("api"), new Dependency("db") { TimeoutMs = 0 }] };

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(null, define));

        Assert.Equal(["dependencies[0].target", "dependencies[1].timeoutMs", "tier"], rejected.Errors.Select(error => error.Field).Order().ToList());
    }

    [Fact]
    public void A_caller_declared_twice_from_the_callee_end_is_rejected()
    {
        var define = new DefineService(Samples.Profile("flags") with { DependencyOf = ["web", "web"] });

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(null, define));

        Assert.Equal("dependencyOf[1]", Assert.Single(rejected.Errors).Field);
    }

    [Fact]
    public void Commands_on_a_missing_service_are_rejected()
    {
        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(null, new OpenRemediationItem(Samples.Item("X-1"))));

        Assert.Equal("id", Assert.Single(rejected.Errors).Field);
    }

    [Fact]
    public void Opening_an_item_twice_is_rejected()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1")] });

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(state, new OpenRemediationItem(Samples.Item("A-1"))));

        Assert.Contains("already exists", Assert.Single(rejected.Errors).Message);
    }

    [Fact]
    public void Completing_an_item_records_when()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1")] });

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(
            Samples.Decide(state, new ChangeRemediationStatus("A-1", RemediationStatus.Done))).State;

        Assert.Equal(Samples.Now, Assert.Single(next.RemediationItems).CompletedAt);
    }

    [Fact]
    public void A_definition_sent_to_another_service_is_refused()
    {
        var outcome = ServiceAggregate.Decide("checkout", null, new DefineService(Samples.Profile("api")), Samples.Context);

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(outcome);
        Assert.Equal(new FieldError("id", "the definition is of 'api', but the command was sent to 'checkout'"), Assert.Single(rejected.Errors));
    }

    [Fact]
    public void An_item_change_sets_only_the_fields_it_gives()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1") with { Owner = "jane" }] });

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(
            Samples.Decide(state, new ChangeRemediationItem("A-1") { Eta = new DateOnly(2027, 1, 31), Status = RemediationStatus.Done })).State;

        var item = Assert.Single(next.RemediationItems);
        Assert.Equal(("jane", new DateOnly(2027, 1, 31), RemediationStatus.Done, (DateTimeOffset?)Samples.Now), (item.Owner, item.Eta, item.Status, item.CompletedAt));
    }

    [Fact]
    public void An_item_change_that_changes_nothing_writes_nothing()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1") with { Owner = "jane" }] });

        Assert.IsType<CommandOutcome<ServiceState>.Unchanged>(Samples.Decide(state, new ChangeRemediationItem("A-1") { Owner = "jane", Status = RemediationStatus.Open }));
    }

    [Fact]
    public void An_item_change_is_checked_like_the_item()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1")] });

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(state, new ChangeRemediationItem("A-1") { Eta = new DateOnly(2020, 1, 1) }));

        Assert.Equal("remediationItems[0].eta", Assert.Single(rejected.Errors).Field);
    }
}
