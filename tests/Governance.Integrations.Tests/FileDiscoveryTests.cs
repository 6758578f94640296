using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

public sealed class FileDiscoveryTests : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_folder_is_searched_for_yaml_files_in_sorted_order_leaving_out_dot_folders()
    {
        var b = _catalog.Write("b.yaml", Team("b"));
        var a = _catalog.Write("a.yml", Team("a"));
        var c = _catalog.Write(Path.Combine("sub", "c.YAML"), Team("c"));
        _catalog.Write(Path.Combine(".github", "workflow.yml"), "on: push\n");
        _catalog.Write("notes.txt", "not a catalog");

        var plan = CatalogReader.Read([_catalog.Directory, b], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal([a, b, c], plan.Files);
        Assert.Equal(["group:a", "group:b", "group:c"], plan.Entities.Select(entity => entity.Command.Entity.Subject));
    }

    [Fact]
    public void A_path_that_does_not_exist_is_an_error()
    {
        var missing = Path.Combine(_catalog.Directory, "missing.yaml");

        var error = Assert.Single(CatalogReader.Read([missing], new ImportOptions()).Errors);

        Assert.Equal($"{missing}:1:1: (path): no such file or folder", error.ToString());
    }

    [Fact]
    public void Empty_files_and_documents_import_nothing_and_fail_nothing()
    {
        var empty = _catalog.Write("empty.yaml", string.Empty);
        var comments = _catalog.Write("comments.yaml", "# nothing yet\n---\n---\n");

        var plan = CatalogReader.Read([empty, comments], new ImportOptions());

        Assert.False(plan.HasErrors);
        Assert.Empty(plan.Services);
        Assert.Empty(plan.Entities);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void A_folder_holding_a_link_to_itself_is_searched_once_and_the_link_is_named_in_a_warning()
    {
        var team = _catalog.Write(Path.Combine("sub", "team.yaml"), Team("a"));
        var self = Path.Combine(_catalog.Directory, "sub", "self");
        Directory.CreateSymbolicLink(self, "..");

        var plan = CatalogReader.Read([_catalog.Directory], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal([team], plan.Files);
        Assert.Equal(["group:a"], plan.Entities.Select(entity => entity.Command.Entity.Subject));
        Assert.Equal(
            [$"{self}:1:1: (path): leads to {Path.GetFullPath(_catalog.Directory)}, a folder this import already searches: not followed again"],
            plan.Warnings.Select(warning => warning.ToString()));
    }

    [Fact]
    public void Links_to_a_folder_or_a_file_outside_the_imported_folder_are_not_followed()
    {
        using var elsewhere = new TempCatalog();
        var outsideTeam = elsewhere.Write("team.yaml", Team("outside"));
        var inside = _catalog.Write("inside.yaml", Team("inside"));
        var folderLink = Path.Combine(_catalog.Directory, "linked-folder");
        var fileLink = Path.Combine(_catalog.Directory, "linked.yaml");
        Directory.CreateSymbolicLink(folderLink, elsewhere.Directory);
        File.CreateSymbolicLink(fileLink, outsideTeam);

        var plan = CatalogReader.Read([_catalog.Directory], new ImportOptions());

        Assert.Equal([inside], plan.Files);
        Assert.Equal(["group:inside"], plan.Entities.Select(entity => entity.Command.Entity.Subject));
        Assert.Equal(
            [
                $"{folderLink}:1:1: (path): is a link to {elsewhere.Directory}, outside {_catalog.Directory}: not followed (name that folder itself to read it)",
                $"{fileLink}:1:1: (path): is a link to {outsideTeam}, outside {_catalog.Directory}: not read (name that file itself to read it)",
            ],
            plan.Warnings.Select(warning => warning.ToString()));
    }

    [Fact]
    public void A_file_reached_twice_through_a_link_inside_the_folder_is_read_once()
    {
        var team = _catalog.Write("a.yaml", Team("a"));
        File.CreateSymbolicLink(Path.Combine(_catalog.Directory, "b.yaml"), team);

        var plan = CatalogReader.Read([_catalog.Directory, team], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal([team], plan.Files);
        Assert.Empty(plan.Warnings);
    }

    private static string Team(string id) => $"apiVersion: governance/v1\nkind: Fleet\nteams: [{{ id: {id} }}]\n";
}
