using Governance.Domain.Commands;
using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

public sealed class BackstageMappingTests : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Missing_fields_the_descriptor_format_requires_are_errors()
    {
        var file = _catalog.Write("catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: checkout
            spec:
              type: service
              lifecycle: production
            ---
            kind: System
            metadata:
              description: no name
            spec:
              owner: team-a
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata:
              name: team-a
            spec:
              type: team
            """);

        Assert.Equal(
        [
            $"{file}:6:3: spec.owner: is required",
            $"{file}:9:1: apiVersion: is required",
            $"{file}:11:3: metadata.name: is required",
            $"{file}:20:3: spec.children: is required",
        ], Read(file).Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Names_that_break_the_descriptor_format_rules_are_errors()
    {
        var file = _catalog.Write("catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: check out
              namespace: -ops
            spec: { type: service, lifecycle: production, owner: team-a }
            """);

        Assert.Equal(
        [
            $"{file}:4:9: metadata.name: 'check out' is not a valid name: 1–63 letters and digits, separated by one of - _ .",
            $"{file}:5:14: metadata.namespace: '-ops' is not a valid namespace: at most 63 letters and digits, separated by -",
        ], Read(file).Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void An_unknown_kind_is_an_error_listing_the_known_kinds()
    {
        var file = _catalog.Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Widget\nmetadata:\n  name: gadget\n");

        var error = Assert.Single(Read(file).Errors);

        Assert.Equal($"{file}:2:7: kind: unknown kind 'Widget'; expected one of Component, Resource, System, API, Group, User, Domain, Location, Template", error.ToString());
    }

    [Fact]
    public void The_tier_annotation_must_be_a_tier()
    {
        var file = _catalog.Write("catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: checkout
              annotations:
                governance.io/tier: high
            spec: { type: service, lifecycle: production, owner: team-a }
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: cart
              annotations:
                governance.io/tier: "7"
            spec: { type: service, lifecycle: production, owner: team-a }
            """);

        Assert.Equal(
        [
            $"{file}:6:25: metadata.annotations[governance.io/tier]: must be a tier from 0 to 3, was 'high'",
            $"{file}:14:25: metadata.annotations[governance.io/tier]: must be between 0 and 3, was 7",
        ], Read(file).Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Well_known_annotations_and_links_become_facts()
    {
        var file = _catalog.Write("catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: web
              title: Web Front
              annotations:
                governance.io/tier: "1"
                opsgenie.com/team: web-oncall
                backstage.io/source-location: url:https://git.example.com/shop/web/
              links:
                - { url: https://wiki.example.com/web, title: Wiki }
                - { url: https://runbooks.example.com/web, title: RunBook }
            spec: { type: website, lifecycle: production, owner: team-a }
            """);

        var profile = Assert.Single(Read(file).Services).Command.Profile;

        Assert.Equal("Web Front", profile.Name);
        Assert.Equal(1, profile.Tier);
        Assert.Equal("web-oncall", profile.OnCall);
        Assert.Equal("https://git.example.com/shop/web/", profile.Repository);
        Assert.Equal("https://runbooks.example.com/web", profile.Runbook);
        Assert.Equal(["backstage.io/source-location", "governance.io/tier", "opsgenie.com/team"], profile.Annotations.Keys);
    }

    [Fact]
    public void Unqualified_references_take_the_namespace_of_the_entity()
    {
        var file = _catalog.Write("catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: Web
              namespace: Ops
            spec:
              type: website
              lifecycle: production
              owner: SRE
              system: default/shop
              dependsOn: [cache, Resource:web-db, component:default/auth]
              consumesApis: [prices]
            """);

        var command = Assert.Single(Read(file).Services).Command;

        Assert.Equal("ops/web", command.Profile.Id);
        Assert.Equal("ops/sre", command.Profile.Owner);
        Assert.Equal("shop", command.Profile.System);
        Assert.Equal(["api:ops/prices", "auth", "ops/cache", "resource:ops/web-db"], command.Dependencies!.Select(edge => edge.Target));
    }

    [Fact]
    public void Warnings_about_references_the_files_do_not_define_are_of_kind_reference_and_others_are_general()
    {
        var file = _catalog.Write("catalog-info.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: { name: web }
            spec:
              type: website
              lifecycle: production
              owner: team-a
              system: shop
              dependsOn: [cart, cart, api:prices]
              consumesApis: [prices]
              providesApis: [pages]
              dependencyOf: [edge]
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: { name: team-b }
            spec: { type: team, parent: org, children: [team-c] }
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: { name: new-service }
            spec: { type: service }
            """);

        var plan = Read(file);

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(
        [
            ("spec.owner", ProblemKind.Reference),
            ("spec.system", ProblemKind.Reference),
            ("spec.dependsOn[0]", ProblemKind.Reference),
            ("spec.dependsOn[1]", ProblemKind.General),
            ("spec.dependsOn[2]", ProblemKind.General),
            ("spec.consumesApis[0]", ProblemKind.Reference),
            ("spec.providesApis[0]", ProblemKind.Reference),
            ("spec.dependencyOf[0]", ProblemKind.Reference),
            ("spec.parent", ProblemKind.Reference),
            ("spec.children[0]", ProblemKind.General),
            ("kind", ProblemKind.General),
        ], plan.Warnings.Select(warning => (warning.Field, warning.Kind)));
    }

    [Fact]
    public void A_multi_document_file_reads_every_document_and_places_problems_in_the_right_one()
    {
        var file = _catalog.Write("catalog.yaml", """
            apiVersion: backstage.io/v1alpha1
            kind: Group
            metadata: { name: team-a }
            spec: { type: team, children: [] }
            ---
            apiVersion: governance/v1
            kind: Fleet
            services:
              - { id: orders, name: Orders, owner: team-a, tier: 1 }
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: { name: web }
            spec: { type: website, lifecycle: production, owner: team-a, dependsOn: [orders] }
            ---
            # an empty document is allowed
            ---
            apiVersion: backstage.io/v1alpha1
            kind: User
            metadata: { name: jane }
            spec: { memberOf: [team-a, "bad name!"] }
            """);

        var plan = Read(file);

        Assert.Equal([$"{file}:21:28: spec.memberOf[1]: must be an entity reference [kind:][namespace/]name, was 'bad name!'"], plan.Errors.Select(error => error.ToString()));
        Assert.Equal(["orders", "web"], plan.Services.Select(service => service.Command.Profile.Id));
        Assert.Equal(new SourceLocation(file, 9, 5), plan.Services[0].Location);
        Assert.Equal(new SourceLocation(file, 11, 1), plan.Services[1].Location);
        Assert.Equal(DefinitionMode.Replace, plan.Services[0].Command.Mode);
        Assert.Equal(DefinitionMode.Merge, plan.Services[1].Command.Mode);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Templates_are_skipped_and_url_locations_are_not_fetched()
    {
        var file = _catalog.Write("catalog-info.yaml", """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: { name: new-service }
            spec: { type: service }
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: { name: remote }
            spec:
              type: url
              targets: [https://github.com/example/repo/blob/main/catalog-info.yaml]
              target: ./teams.yaml
            """);
        var teams = _catalog.Write("teams.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }\n");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal([file, teams], plan.Files);
        Assert.Equal(["group:team-a"], plan.Entities.Select(entity => entity.Command.Entity.Subject));
        Assert.Equal(
        [
            $"{file}:2:7: kind: Template entities (scaffolder templates) are not imported; skipped",
            $"{file}:11:13: spec.targets[0]: 'https://github.com/example/repo/blob/main/catalog-info.yaml' is a URL and is not fetched: import its files from a local copy",
        ], plan.Warnings.Select(warning => warning.ToString()));
    }

    [Fact]
    public void A_location_target_that_does_not_exist_is_an_error_unless_optional()
    {
        var required = _catalog.Write("required.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: a }\nspec: { targets: [./missing.yaml] }\n");
        var optional = _catalog.Write("optional.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: b }\nspec: { presence: optional, targets: [./missing.yaml] }\n");

        var plan = CatalogReader.Read([required, optional], new ImportOptions());

        var error = Assert.Single(plan.Errors);
        Assert.Equal(new SourceLocation(required, 4, 19), error.Location);
        Assert.Equal("spec.targets[0]", error.Field);
        Assert.Equal(new SourceLocation(optional, 4, 39), Assert.Single(plan.Warnings).Location);
    }

    [Fact]
    public void A_confined_import_follows_no_location_target_outside_its_folder()
    {
        var outside = _catalog.Write("outside/teams.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }\n");
        var inside = _catalog.Write("upload/inside.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-b }\nspec: { type: team, children: [] }\n");
        var location = _catalog.Write("upload/location.yaml", $"apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {{ name: a }}\nspec: {{ targets: [../outside/teams.yaml, {outside}, ./inside.yaml] }}\n");

        var plan = CatalogReader.Read([location], new ImportOptions { ConfineTo = Path.GetDirectoryName(location) });

        Assert.Equal([location, inside], plan.Files);
        Assert.Equal(
            [
                $"{location}:4:19: spec.targets[0]: the target is outside the files of this import: send it with them",
                $"{location}:4:42: spec.targets[1]: the target is outside the files of this import: send it with them",
            ],
            plan.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Skipping_invalid_entities_imports_the_rest_and_lists_what_was_skipped()
    {
        var file = _catalog.Write("catalog.yaml", """
            apiVersion: governance/v1
            kind: Fleet
            services:
              - { id: orders, name: Orders }
              - { id: cart, name: Cart, tier: 9 }
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: { name: web }
            spec: { type: website, lifecycle: production }
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata: { name: api }
            spec: { type: service, lifecycle: production, owner: team-a }
            """);

        var plan = CatalogReader.Read([file], new ImportOptions(SkipInvalid: true));

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(["orders", "api"], plan.Services.Select(service => service.Command.Profile.Id));
        Assert.Equal(["service:cart", "service:web"], plan.Skipped.Select(skipped => skipped.Reference));
        Assert.Equal(new SourceLocation(file, 5, 5), plan.Skipped[0].Location);
        Assert.Equal([$"{file}:5:35: services[1].tier: must be between 0 and 3, was 9"], plan.Skipped[0].Problems.Select(problem => problem.ToString()));
        Assert.Equal([$"{file}:10:7: spec.owner: is required"], plan.Skipped[1].Problems.Select(problem => problem.ToString()));
    }

    [Fact]
    public void Without_skipping_an_invalid_entity_fails_the_whole_plan()
    {
        var file = _catalog.Write("catalog.yaml", "apiVersion: governance/v1\nkind: Fleet\nservices:\n  - { id: orders, name: Orders }\n  - { id: cart, name: Cart, tier: 9 }\n");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.True(plan.HasErrors);
        Assert.Empty(plan.Skipped);
        Assert.Equal(["orders"], plan.Services.Select(service => service.Command.Profile.Id));
    }

    private static CatalogImportPlan Read(string path) => CatalogReader.Read([path], new ImportOptions());
}
