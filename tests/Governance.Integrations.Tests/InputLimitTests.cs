using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

/// <summary>The limits README's import section documents, each met by a file just over it: one located error, nothing read.</summary>
public sealed class InputLimitTests : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_file_nested_200000_deep_is_refused_where_it_goes_past_64_levels()
    {
        const int Depth = 200_000;
        var file = _catalog.Write("deep.yaml", $"apiVersion: governance/v1\nkind: Fleet\nservices: {new string('[', Depth)}{new string(']', Depth)}\n");

        var plan = CatalogReader.Read([file], new ImportOptions());

        // The root mapping is level 1 and the first '[' (column 11) level 2: the 64th '[' opens level 65, at column 11 + 63.
        var error = Assert.Single(plan.Errors);
        Assert.Equal($"{file}:3:74: services[0][0][0][0][0][0][0]…: lists and mappings nested more than 64 deep (the limit)", error.ToString());
        Assert.Empty(plan.Services);
    }

    [Fact]
    public void A_backstage_descriptor_nested_too_deep_is_refused_the_same_way()
    {
        const int Depth = 100;
        var nested = string.Concat(Enumerable.Repeat("{a: ", Depth)) + "x" + new string('}', Depth);
        var file = _catalog.Write("catalog-info.yaml", $"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {{ name: web }}\nspec: {nested}\n");

        var error = Assert.Single(CatalogReader.Read([file], new ImportOptions()).Errors);

        // spec's mapping is level 2 and opens at column 7; each "{a: " is four characters: the 64th opens level 65.
        Assert.Equal($"{file}:4:{7 + (4 * 63)}: spec.a.a.a.a.a.a.a…: lists and mappings nested more than 64 deep (the limit)", error.ToString());
    }

    [Fact]
    public void A_text_value_longer_than_64_KiB_is_refused_naming_its_field()
    {
        var file = _catalog.Write("long.yaml", $"apiVersion: governance/v1\nkind: Fleet\nservices:\n  - id: a\n    name: A\n    description: {new string('x', 65_537)}\n");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.Equal([$"{file}:6:18: services[0].description: a text value of 65,537 characters; at most 65,536 are read"], plan.Errors.Select(error => error.ToString()));
        Assert.Empty(plan.Services);
    }

    [Fact]
    public void A_text_value_of_exactly_64_KiB_is_read()
    {
        var file = _catalog.Write("long.yaml", $"apiVersion: governance/v1\nkind: Fleet\nservices:\n  - id: a\n    name: A\n    description: {new string('x', 65_536)}\n");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(65_536, Assert.Single(plan.Services).Command.Profile.Description!.Length);
    }

    [Fact]
    public void More_than_100000_documents_in_one_file_are_refused_at_the_first_one_over()
    {
        var file = _catalog.Write("documents.yaml", string.Concat(Enumerable.Repeat("---\n", 100_001)));

        var error = Assert.Single(CatalogReader.Read([file], new ImportOptions()).Errors);

        Assert.Equal($"{file}:100001:1: (document): more than 100,000 documents in one file (the limit): split it into files", error.ToString());
    }

    [Fact]
    public void A_file_over_256_MiB_is_refused_before_it_is_read()
    {
        var file = Path.Combine(_catalog.Directory, "huge.yaml");
        using (var sparse = File.Create(file))
        {
            sparse.SetLength((256L * 1024 * 1024) + 1);
        }

        var error = Assert.Single(CatalogReader.Read([file], new ImportOptions()).Errors);

        Assert.Equal($"{file}:1:1: (file): is 268,435,457 bytes; a file may hold at most 256 MiB (the limit): split it", error.ToString());
    }

    [Fact]
    public void Aliases_that_stand_for_more_than_100000_nodes_are_refused_at_the_alias_that_goes_over()
    {
        // Each list holds ten aliases of the one before: x1 stands for 10 x 11 nodes, x2 for 10 x 111, x3 for 10 x 1,111;
        // the aliases of x4 (11,111 nodes each) pass 100,000 at the eighth: 12,330 + 8 x 11,111.
        var lines = new List<string> { "x0: &a0 [v, v, v, v, v, v, v, v, v, v]" };
        for (var level = 1; level <= 8; level++)
        {
            lines.Add($"x{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]");
        }

        var file = _catalog.Write("bomb.yaml", string.Join('\n', lines) + "\n");

        var error = Assert.Single(CatalogReader.Read([file], new ImportOptions()).Errors);

        var column = lines[4].IndexOf('[', StringComparison.Ordinal) + 1 + (7 * "*a3, ".Length) + 1;
        Assert.Equal(
            $"{file}:5:{column}: x4[7]: the aliases of this document stand for more than 100,000 nodes (10 times the nodes it writes out, at least 100,000): write the values out, or share less",
            error.ToString());
    }

    [Fact]
    public void An_alias_inside_the_mapping_it_names_is_refused_as_a_cycle()
    {
        var file = _catalog.Write("cycle.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: &m\n  name: web\n  self: *m\n");

        var error = Assert.Single(CatalogReader.Read([file], new ImportOptions()).Errors);

        Assert.Equal($"{file}:5:9: metadata.self: the alias *m stands for a list or mapping that holds it: a cycle, which cannot be read", error.ToString());
    }
}
