using Governance.Domain;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;
using Governance.Integrations.FleetFormat;
using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

public sealed class FleetTextTests
{
    [Fact]
    public void Compact_json_reads_as_one_fleet_service()
    {
        var read = FleetText.ReadService("""{"id":"checkout","name":"Checkout","tier":1,"dependencies":["payments",{"target":"cart","timeoutMs":200}],"facts":{"lastGameDay":"2026-01-02"}}""", DefinitionMode.Replace);

        Assert.Empty(read.Errors);
        var command = Assert.IsType<DefineService>(read.Value);
        Assert.Equal(("checkout", "Checkout", 1, DefinitionMode.Replace), (command.Profile.Id, command.Profile.Name, command.Profile.Tier, command.Mode));
        Assert.Equal(["cart", "payments"], command.Dependencies!.Select(edge => edge.Target));
        Assert.Equal(200, command.Dependencies![0].TimeoutMs);
        Assert.Equal(new DateOnly(2026, 1, 2), command.Facts!.LastGameDay);
    }

    [Fact]
    public void Every_error_names_the_request_field_and_its_line_and_column()
    {
        var read = FleetText.ReadService("""
            {
              "id": "checkout",
              "name": "Checkout",
              "tier": 9,
              "dependencies": ["payments", {"target": "cart", "timeoutMs": "fast"}],
              "colour": "blue"
            }
            """, DefinitionMode.Replace);

        Assert.Null(read.Value);
        Assert.Equal(
            [
                "(body):4:11: tier: must be between 0 and 3, was 9",
                "(body):5:64: dependencies[1].timeoutMs: must be a whole number of milliseconds, was 'fast'",
                "(body):6:3: colour: unknown field; expected one of id, name, description, owner, tier, lifecycle, type, system, products, tags, repository, runbook, onCall, providesApis, dependencyOf, annotations, footprint, dataStores, facts, dependencies, remediationItems",
            ],
            read.Errors.Select(error => error.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rule_the_domain_finds_later_is_placed_at_the_field_as_written()
    {
        var read = FleetText.ReadService("""{"id": "checkout", "name": "Checkout", "dependencies": ["zeta", {"target": "alpha", "retries": 1}]}""", DefinitionMode.Replace);

        // The domain sorts edges by target: its dependencies[0] is the file's dependencies[1].
        var problem = read.Locate(new FieldError("dependencies[0].retries", "too many"));

        Assert.Equal("(body):1:96: dependencies[1].retries: too many", problem.ToString());
    }

    [Fact]
    public void A_domain_rule_on_the_definition_is_reported_as_a_located_error()
    {
        var read = FleetText.ReadService("""{"id": "checkout", "name": "Checkout", "tier": 7}""", DefinitionMode.Replace);

        var error = Assert.Single(read.Errors);
        Assert.Equal(("tier", 1, 48), (error.Field, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Malformed_json_is_located_where_the_parser_stopped()
    {
        var read = FleetText.ReadService("{\"id\": \"checkout\",\n \"name\": \"Checkout\"\n \"tier\": 1}", DefinitionMode.Replace);

        var error = Assert.Single(read.Errors);
        Assert.Equal((FleetText.Source, 3, 2), (error.Field, error.Location.Line, error.Location.Column));
        Assert.StartsWith("is not well-formed JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merge_may_leave_out_the_id_and_name_of_the_service_it_is_sent_to()
    {
        var read = FleetText.ReadService("""{"tier": 2}""", DefinitionMode.Merge, "checkout", "Checkout");

        Assert.Empty(read.Errors);
        Assert.Equal(("checkout", "Checkout", 2, DefinitionMode.Merge), (read.Value!.Profile.Id, read.Value.Profile.Name, read.Value.Profile.Tier, read.Value.Mode));
        Assert.Null(read.Value.Dependencies);
    }

    [Fact]
    public void A_remediation_item_is_read_and_checked_with_its_own_rules()
    {
        var good = FleetText.ReadRemediationItem("""{"id": "FES-09", "title": "Cache flags", "openedOn": "2026-03-01", "priority": "high", "eta": "2026-04-30"}""");
        var bad = FleetText.ReadRemediationItem("""{"id": "FES-10", "title": "Cache flags", "openedOn": "2026-03-01", "eta": "2026-02-01", "status": "later"}""");

        Assert.Empty(good.Errors);
        Assert.Equal(("FES-09", Priority.High, new DateOnly(2026, 4, 30)), (good.Value!.Id, good.Value.Priority, good.Value.Eta));
        Assert.Equal("(body):1:99: status: unknown value 'later'; expected one of open, in-progress, done, wont-do", Assert.Single(bad.Errors).ToString());
    }

    [Fact]
    public void An_item_rule_broken_is_located_and_a_state_path_maps_back_to_the_item()
    {
        var read = FleetText.ReadRemediationItem("""{"id": "FES-10", "title": "Cache flags", "openedOn": "2026-03-01", "eta": "2026-02-01"}""");

        Assert.Equal("(body):1:75: eta: cannot be before openedOn (2026-03-01), was 2026-02-01", Assert.Single(read.Errors).ToString());
        Assert.Equal(new SourceLocation(FleetText.Source, 1, 8), read.Locate(new FieldError("remediationItems[4].id", "taken")).Location);
        Assert.Equal("id", read.Locate(new FieldError("item.id", "taken")).Field);
    }
}
