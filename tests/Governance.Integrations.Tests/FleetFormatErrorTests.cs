using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

public sealed class FleetFormatErrorTests : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Malformed_yaml_is_reported_where_the_parser_stopped()
    {
        var file = _catalog.Write("bad.yaml", """
            apiVersion: governance/v1
            kind: Fleet
            services:
              - id: a
                name: A
               tier: 2
            """);

        var error = Assert.Single(Read(file).Errors);

        Assert.Equal(new SourceLocation(file, 6, 4), error.Location);
        Assert.Equal("(yaml)", error.Field);
        Assert.Equal("not valid YAML: While parsing a block collection, did not find expected '-' indicator.", error.Message);
    }

    [Fact]
    public void An_unclosed_flow_list_is_reported_at_its_opening_bracket()
    {
        var file = _catalog.Write("bad.yaml", "apiVersion: governance/v1\nkind: Fleet\nservices:\n  - id: a\n    name: [unclosed\n  - id: b\n");

        var error = Assert.Single(Read(file).Errors);

        Assert.Equal($"{file}:5:11: (yaml): not valid YAML: the parser cannot continue after this node (is a [ or {{ left unclosed?)", error.ToString());
    }

    [Fact]
    public void A_tab_used_as_indentation_is_reported_at_the_tab()
    {
        var file = _catalog.Write("bad.yaml", "apiVersion: governance/v1\nkind: Fleet\nservices:\n  - id: a\n\tname: A\n");

        var error = Assert.Single(Read(file).Errors);

        Assert.Equal(new SourceLocation(file, 5, 1), error.Location);
        Assert.Equal("(yaml)", error.Field);
    }

    [Fact]
    public void A_malformed_file_imports_nothing_even_when_invalid_entities_are_skipped()
    {
        var good = _catalog.Write("a-good.yaml", Fleet("  - { id: fine, name: Fine }"));
        var bad = _catalog.Write("b-bad.yaml", Fleet("  - { id: broken, name: [x }"));

        var plan = CatalogReader.Read([good, bad], new ImportOptions(SkipInvalid: true));

        Assert.True(plan.HasErrors);
        Assert.Equal(bad, Assert.Single(plan.Errors).Location.File);
        Assert.Empty(plan.Skipped);
        Assert.Equal(["fine"], plan.Services.Select(service => service.Command.Profile.Id));
    }

    [Fact]
    public void Ill_typed_and_missing_fields_name_their_place_and_the_allowed_values()
    {
        var file = _catalog.Write("fleet.yaml", Fleet("""
              - id: checkout
                name: Checkout
                tier: high
                facts:
                  failover: { mechanism: sometimes, lastExercised: 2021-13-01 }
                  environments: [development, prod]
                dependencies:
                  - target: accounts
                    timeoutMs: fast
                remediationItems:
                  - { id: CO-1, title: Cache, openedOn: 2021-02-01, completedAt: yesterday, status: done }
              - id: cart
                description: no name
            """));

        Assert.Equal(
        [
            $"{file}:6:11: services[0].tier: must be a tier from 0 to 3, was 'high'",
            $"{file}:8:30: services[0].facts.failover.mechanism: unknown value 'sometimes'; expected one of none, manual, automatic",
            $"{file}:8:56: services[0].facts.failover.lastExercised: must be a date YYYY-MM-DD, was '2021-13-01'",
            $"{file}:9:35: services[0].facts.environments[1]: unknown value 'prod'; expected one of development, integration, staging, production",
            $"{file}:12:20: services[0].dependencies[0].timeoutMs: must be a whole number of milliseconds, was 'fast'",
            $"{file}:14:70: services[0].remediationItems[0].completedAt: must be an ISO 8601 time with an offset, like 2021-03-20T17:00:00Z, was 'yesterday'",
            $"{file}:15:5: services[1].name: is required",
        ], Read(file).Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Domain_rules_are_reported_at_the_field_as_written_even_when_the_domain_sorts_the_list()
    {
        var file = _catalog.Write("fleet.yaml", Fleet("""
              - id: cart
                name: Cart
                tier: 7
                footprint: { hosts: 2, zones: 3, regions: 1, providers: 1 }
                dependencies:
                  - zeta
                  - { target: alpha, timeoutMs: -5 }
                  - cart
                remediationItems:
                  - { id: C-2, title: Second, openedOn: 2021-02-01, status: done }
                  - { id: C-1, title: First, openedOn: 2021-02-01, eta: 2021-01-01 }
            """));

        Assert.Equal(
        [
            $"{file}:6:11: services[0].tier: must be between 0 and 3, was 7",
            $"{file}:7:35: services[0].footprint.zones: cannot exceed hosts (2): every zone needs a host, was 3",
            $"{file}:10:37: services[0].dependencies[1].timeoutMs: must be positive, was -5",
            $"{file}:11:9: services[0].dependencies[2]: a service cannot depend on itself",
            $"{file}:13:9: services[0].remediationItems[0].completedAt: is required when status is done",
            $"{file}:14:61: services[0].remediationItems[1].eta: cannot be before openedOn (2021-02-01), was 2021-01-01",
        ], Read(file).Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void An_unknown_field_is_an_error_listing_the_fields_the_format_has()
    {
        var file = _catalog.Write("fleet.yaml", Fleet("  - id: cart\n    name: Cart\n    tyer: 2\n"));

        var error = Assert.Single(Read(file).Errors);

        Assert.Equal(new SourceLocation(file, 6, 5), error.Location);
        Assert.Equal("services[0].tyer", error.Field);
        Assert.StartsWith("unknown field; expected one of id, name, description, owner, tier,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fleet_document_needs_its_api_version_and_kind()
    {
        var file = _catalog.Write("fleet.yaml", """
            apiVersion: governance/v2
            kind: Fleet
            services: [{ id: a, name: A }]
            ---
            services:
              - { id: b, name: B }
            ---
            apiVersion: governance/v1
            kind: Fleets
            """);

        var plan = Read(file);

        Assert.Equal(
        [
            $"{file}:1:13: apiVersion: must be governance/v1 for kind Fleet, was 'governance/v2'",
            $"{file}:5:1: apiVersion: is required: a fleet document starts with apiVersion: governance/v1 and kind: Fleet",
            $"{file}:9:7: kind: must be Fleet for apiVersion governance/v1, was 'Fleets'",
        ], plan.Errors.Select(error => error.ToString()));
        Assert.Empty(plan.Services);
    }

    [Fact]
    public void The_same_id_in_two_files_names_both_places()
    {
        var first = _catalog.Write("a.yaml", Fleet("  - { id: cart, name: Cart }"));
        var second = _catalog.Write("b.yaml", Fleet("  - id: other\n    name: Other\n  - id: cart\n    name: Cart again\n"));

        var error = Assert.Single(Read(_catalog.Directory).Errors);

        Assert.Equal($"{second}:6:9: services[1].id: duplicate id: service:cart is defined here and at {first}:4:11", error.ToString());
    }

    [Fact]
    public void A_document_of_a_kind_no_reader_knows_is_an_error()
    {
        var file = _catalog.Write("k8s.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");

        var error = Assert.Single(Read(file).Errors);

        Assert.Equal(new SourceLocation(file, 2, 7), error.Location);
        Assert.Equal("kind", error.Field);
        Assert.StartsWith("unknown kind 'ConfigMap' (apiVersion 'v1'); expected Fleet (apiVersion governance/v1) or a Backstage kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_reference_is_a_warning_not_an_error()
    {
        var file = _catalog.Write("fleet.yaml", Fleet("""
              - id: cart
                name: Cart
                owner: payments
                system: shop
                dependencies: [accounts, "api:prices"]
            """));

        var plan = Read(file);

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(
        [
            $"{file}:6:12: services[0].owner: group 'payments' is not defined in the imported files; the reference is kept and resolves once it is imported",
            $"{file}:7:13: services[0].system: system 'shop' is not defined in the imported files; the reference is kept and resolves once it is imported",
            $"{file}:8:20: services[0].dependencies[0]: service 'accounts' is not defined in the imported files; the reference is kept and resolves once it is imported",
            $"{file}:8:30: services[0].dependencies[1]: API 'prices' is not defined in the imported files; the reference is kept and resolves once it is imported",
        ], plan.Warnings.Select(warning => warning.ToString()));
        Assert.All(plan.Warnings, warning => Assert.Equal(ProblemKind.Reference, warning.Kind));
    }

    [Fact]
    public void A_skipped_definition_does_not_resolve_references_to_it()
    {
        var file = _catalog.Write("fleet.yaml", """
            apiVersion: governance/v1
            kind: Fleet
            teams:
              - { id: payments, colour: blue }
            services:
              - { id: orders, name: Orders, owner: payments, dependencies: [cart] }
              - { id: cart, name: Cart, tier: 9 }
            """);

        var plan = CatalogReader.Read([file], new ImportOptions(SkipInvalid: true));

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(["group:payments", "service:cart"], plan.Skipped.Select(skipped => skipped.Reference).Order(StringComparer.Ordinal));
        Assert.Equal(
        [
            $"{file}:6:40: services[0].owner: group 'payments' is not defined in the imported files; the reference is kept and resolves once it is imported",
            $"{file}:6:65: services[0].dependencies[0]: service 'cart' is not defined in the imported files; the reference is kept and resolves once it is imported",
        ], plan.Warnings.Select(warning => warning.ToString()));
    }

    [Fact]
    public void References_to_what_the_import_defines_resolve_across_files()
    {
        var teams = _catalog.Write("a.yaml", "apiVersion: governance/v1\nkind: Fleet\nteams: [{ id: payments, name: Payments }]\nsystems: [{ id: shop, owner: payments }]\n");
        var services = _catalog.Write("b.yaml", Fleet("""
              - { id: accounts, name: Accounts, providesApis: [prices], owner: payments, system: shop }
              - { id: cart, name: Cart, owner: payments, dependencies: [accounts, "api:prices"] }
            """));

        var plan = CatalogReader.Read([teams, services], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Empty(plan.Warnings);
        Assert.Equal(["group:payments", "system:shop"], plan.Entities.Select(entity => entity.Command.Entity.Subject));
        Assert.Equal("shop", plan.Entities[1].Command.Entity.Name);
    }

    private static CatalogImportPlan Read(string path) => CatalogReader.Read([path], new ImportOptions());

    private static string Fleet(string services) => $"apiVersion: governance/v1\nkind: Fleet\nservices:\n{services}\n";
}
