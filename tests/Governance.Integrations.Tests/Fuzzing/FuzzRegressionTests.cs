using Governance.Integrations.Import;

namespace Governance.Integrations.Tests.Fuzzing;

/// <summary>Inputs the fuzz tests found crashing or misplacing an error, each written out as found (shrunk).</summary>
public sealed class FuzzRegressionTests : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Content_after_a_document_end_marker_at_the_start_of_a_file_is_a_located_error()
    {
        var file = _catalog.Write("catalog-info.yaml", "...\na");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.Equal([$"{file}:1:1: (yaml): not valid YAML: the parser cannot continue after this node (is a [ or {{ left unclosed?)"], plan.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void A_file_cut_off_inside_a_flow_list_is_an_error_at_its_last_line_not_the_line_after()
    {
        var file = _catalog.Write("fleet.yaml", "apiVersion: governance/v1\nkind: Fleet\nservices: [inte");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.Equal([$"{file}:3:16: (yaml): not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'."], plan.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void A_location_target_holding_a_nul_character_is_a_located_error()
    {
        var file = _catalog.Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: fuzz }\nspec:\n  target: \"a\\0b.yaml\"\n");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.Equal([$"{file}:5:11: spec.target: must be a file path or URL, was a text holding a NUL character"], plan.Errors.Select(error => error.ToString()));
        Assert.Equal([file], plan.Files);
    }

    [Fact]
    public void A_duplicated_empty_key_is_named_quoted_so_that_its_error_names_a_field()
    {
        // Found by CI's fuzzing (seeds 6MTwlH8pStd2 and eJYj3yx_3Dw1): the field was "", which names nothing.
        var file = _catalog.Write("catalog-info.yaml", "apiVersion: backstage.io/v1alpha1\nkind: Location\nspec: {target: a.yaml}\n'': 1\n'': 2\n");

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.Contains($"{file}:5:1: '': duplicate key; it is already given at line 4", plan.Errors.Select(error => error.ToString()));
    }
}
