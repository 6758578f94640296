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

    private static string Team(string id) => $"apiVersion: governance/v1\nkind: Fleet\nteams: [{{ id: {id} }}]\n";
}
