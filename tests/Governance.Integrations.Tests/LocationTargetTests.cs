using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

/// <summary>A Location leads only to files inside the folders an import was given, judged by where each target really is.</summary>
public sealed class LocationTargetTests : IDisposable
{
    private const string Outside = "the target is outside the folders of this import: name its folder in the import too";

    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Targets_outside_the_imported_folder_relative_or_absolute_are_refused_with_the_location_s_place()
    {
        var sibling = _catalog.Write("sibling.yaml", Group("sibling"));
        var location = _catalog.Write(Path.Combine("catalog", "location.yaml"), $$"""
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: { name: root }
            spec:
              target: ../sibling.yaml
              targets: [{{sibling}}, /etc/hostname]
            """);

        var fromFolder = CatalogReader.Read([Path.GetDirectoryName(location)!], new ImportOptions());
        var fromFile = CatalogReader.Read([location], new ImportOptions());

        string[] expected =
        [
            $"{location}:5:11: spec.target: {Outside}",
            $"{location}:6:13: spec.targets[0]: {Outside}",
            $"{location}:6:{15 + sibling.Length}: spec.targets[1]: {Outside}",
        ];
        Assert.Equal(expected, fromFolder.Errors.Select(error => error.ToString()));
        Assert.Equal(expected, fromFile.Errors.Select(error => error.ToString()));
        Assert.Equal([location], fromFolder.Files);
        Assert.Empty(fromFolder.Entities);
    }

    [Fact]
    public void A_target_inside_the_folder_that_links_outside_it_is_refused()
    {
        using var elsewhere = new TempCatalog();
        var outside = elsewhere.Write("team.yaml", Group("outside"));
        var location = _catalog.Write("location.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: root }\nspec: { target: ./team }\n");
        File.CreateSymbolicLink(Path.Combine(_catalog.Directory, "team"), outside);

        var plan = CatalogReader.Read([_catalog.Directory], new ImportOptions());

        Assert.Equal([$"{location}:4:17: spec.target: {Outside}"], plan.Errors.Select(error => error.ToString()));
        Assert.Equal([location], plan.Files);
    }

    [Fact]
    public void A_target_inside_another_folder_of_the_same_import_is_read()
    {
        var teams = _catalog.Write(Path.Combine("teams", "team.yaml"), Group("team-a"));
        var location = _catalog.Write(Path.Combine("catalog", "location.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: root }\nspec: { target: ../teams/team.yaml }\n");

        var plan = CatalogReader.Read([location, Path.GetDirectoryName(teams)!], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal([location, teams], plan.Files);
        Assert.Equal(["group:team-a"], plan.Entities.Select(entity => entity.Command.Entity.Subject));
    }

    [Fact]
    public void A_target_that_is_a_folder_is_refused()
    {
        _catalog.Write(Path.Combine("teams", "team.yaml"), Group("team-a"));
        var location = _catalog.Write("location.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: root }\nspec: { target: ./teams }\n");

        var plan = CatalogReader.Read([location], new ImportOptions());

        Assert.Equal([$"{location}:4:17: spec.target: target '{_catalog.Directory}/./teams' is a folder: name a file (or name the folder in the import)"], plan.Errors.Select(error => error.ToString()));
    }

    private static string Group(string name) => $"apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {{ name: {name} }}\nspec: {{ type: team, children: [] }}\n";
}
