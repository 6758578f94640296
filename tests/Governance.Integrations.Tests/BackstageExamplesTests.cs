using Governance.Domain.Catalog;
using Governance.Integrations.Import;
using YamlDotNet.RepresentationModel;

namespace Governance.Integrations.Tests;

public sealed class BackstageExamplesTests
{
    private static readonly Lazy<CatalogImportPlan> _plan = new(() => CatalogReader.Read([Repository.BackstageExamples], new ImportOptions()));

    private static CatalogImportPlan Plan => _plan.Value;

    [BackstageFixtureFact]
    public void The_official_examples_import_without_errors()
    {
        Assert.False(Plan.HasErrors, string.Join('\n', Plan.Errors));
        Assert.Empty(Plan.Skipped);
    }

    [BackstageFixtureFact]
    public void Every_component_resource_system_group_user_domain_and_api_in_the_folder_is_imported()
    {
        var expected = DescribedEntities().Order(StringComparer.Ordinal).ToList();
        var imported = Plan.Services.Select(service => $"service:{service.Command.Profile.Id}")
            .Concat(Plan.Entities.Select(entity => entity.Command.Entity.Subject))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, imported);
    }

    [BackstageFixtureFact]
    public void Artist_lookup_keeps_its_owner_system_and_dependency_on_the_resource()
    {
        var profile = Service("artist-lookup").Command.Profile;
        var command = Service("artist-lookup").Command;

        Assert.Equal("team-a", profile.Owner);
        Assert.Equal("artist-engagement-portal", profile.System);
        Assert.Equal("experimental", profile.Lifecycle);
        Assert.Equal("service", profile.Type);
        Assert.Equal(["java", "data"], profile.Tags);
        Assert.Equal(["resource:artists-db"], command.Dependencies!.Select(edge => edge.Target));
        Assert.Equal(Domain.Commands.DefinitionMode.Merge, command.Mode);
    }

    [BackstageFixtureFact]
    public void A_resource_is_a_service_whose_id_carries_its_kind()
    {
        var profile = Service("resource:artists-db").Command.Profile;

        Assert.Equal("resource", profile.Kind);
        Assert.Equal("database", profile.Type);
        Assert.Equal("Stores artist details", profile.Description);
    }

    [BackstageFixtureFact]
    public void Consumed_apis_become_edges_to_the_api_and_provided_apis_are_kept()
    {
        var command = Service("wayback-search").Command;

        Assert.Equal(["api:wayback-archive"], command.Dependencies!.Select(edge => edge.Target));
        Assert.Equal(["wayback-search"], command.Profile.ProvidesApis);
        Assert.Equal(["petstore", "streetlights", "hello-world"], Service("petstore").Command.Profile.ProvidesApis);
    }

    [BackstageFixtureFact]
    public void An_owner_of_kind_user_keeps_its_kind()
    {
        Assert.Equal("user:guest", Service("playback-order").Command.Profile.Owner);
        Assert.Equal("user:frank.tiernan", Entity(EntityKinds.Domain, "playback").Owner);
    }

    [BackstageFixtureFact]
    public void A_component_without_dependsOn_leaves_known_edges_alone()
    {
        Assert.Null(Service("playback-order").Command.Dependencies);
    }

    [BackstageFixtureFact]
    public void Subcomponents_are_recorded_as_an_annotation()
    {
        var annotations = Service("wayback-archive-ingestion").Command.Profile.Annotations;

        Assert.Equal("wayback-archive", annotations["governance.io/subcomponent-of"]);
    }

    [BackstageFixtureFact]
    public void Well_known_annotations_become_facts_and_all_annotations_are_kept_sorted()
    {
        var profile = Service("backstage").Command.Profile;

        Assert.Equal("https://github.com/backstage/backstage", profile.Repository);
        Assert.Equal("cncf", profile.Owner);
        Assert.Equal(["backstage.io/techdocs-ref", "github.com/project-slug", "lighthouse.com/website-url"], profile.Annotations.Keys);
        Assert.Equal("Backstage is an open-source developer portal that puts the developer experience first.", profile.Description);
    }

    [BackstageFixtureFact]
    public void Groups_and_users_keep_their_hierarchy_and_profile()
    {
        var teamA = Entity(EntityKinds.Group, "team-a");
        var guest = Entity(EntityKinds.User, "guest");

        Assert.Equal("backstage", teamA.Parent);
        Assert.Equal("team", teamA.Type);
        Assert.Equal("team-a@example.com", teamA.Email);
        Assert.Equal("team-a", teamA.Name);
        Assert.Equal("Guest User", guest.Name);
        Assert.Equal(["team-a"], guest.MemberOf);
        Assert.Equal("acme-corp", Entity(EntityKinds.Group, "infrastructure").Parent);
    }

    [BackstageFixtureFact]
    public void Systems_and_apis_keep_their_owner_and_parent()
    {
        var portal = Entity(EntityKinds.System, "artist-engagement-portal");
        var api = Entity(EntityKinds.Api, "wayback-archive");

        Assert.Equal("team-a", portal.Owner);
        Assert.Equal("artists", portal.Parent);
        Assert.Equal("openapi", api.Type);
        Assert.Equal("team-a", api.Owner);
    }

    [BackstageFixtureFact]
    public void An_owner_that_the_files_do_not_define_is_the_only_warning()
    {
        var root = Path.GetFullPath(Path.Combine(Repository.BackstageExamples, "catalog-info.yaml"));

        var warning = Assert.Single(Plan.Warnings);

        Assert.Equal($"{root}:22:10: spec.owner: group 'cncf' is not defined in the imported files; the reference is kept and resolves once it is imported", warning.ToString());
    }

    [BackstageFixtureFact]
    public void A_location_leads_to_the_files_it_names()
    {
        var location = Path.Combine(Repository.BackstageExamples, "packages", "catalog-model", "examples", "all-components.yaml");
        var targets = LocationTargets(location);

        var plan = CatalogReader.Read([location], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(1 + targets.Count, plan.Files.Count);
        Assert.Equal(targets.Count, plan.Services.Count);
    }

    private static ImportedService Service(string id) => Assert.Single(Plan.Services, service => service.Command.Profile.Id == id);

    private static CatalogEntity Entity(string kind, string id) =>
        Assert.Single(Plan.Entities, entity => entity.Command.Entity.Kind == kind && entity.Command.Entity.Id == id).Command.Entity;

    /// <summary>What the files describe, read independently of the importer: the subject each entity should get.</summary>
    private static IEnumerable<string> DescribedEntities()
    {
        foreach (var document in Directory.EnumerateFiles(Repository.BackstageExamples, "*.yaml", SearchOption.AllDirectories).SelectMany(Documents))
        {
            var kind = ((YamlScalarNode)document["kind"]).Value!;
            var name = ((YamlScalarNode)((YamlMappingNode)document["metadata"])["name"]).Value!.ToLowerInvariant();
            var subject = kind switch
            {
                "Component" => $"service:{name}",
                "Resource" => $"service:resource:{name}",
                "Location" or "Template" => null,
                _ => $"{kind.ToLowerInvariant()}:{name}",
            };
            if (subject is not null)
            {
                yield return subject;
            }
        }
    }

    private static IEnumerable<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(file);
        stream.Load(reader);
        return stream.Documents.Select(document => (YamlMappingNode)document.RootNode);
    }

    private static List<string> LocationTargets(string file) =>
        [.. Documents(file).SelectMany(document => ((YamlSequenceNode)((YamlMappingNode)document["spec"])["targets"]).Children.Select(target => ((YamlScalarNode)target).Value!))];
}
