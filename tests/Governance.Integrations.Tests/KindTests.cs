using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

/// <summary>A document whose kind is empty or unknown is reported on its kind field, never dropped without a word.</summary>
public sealed class KindTests : IDisposable
{
    private const string EmptyKinds = """
        apiVersion: backstage.io/v1alpha1
        kind: ""
        metadata:
          name: artist-web
        spec: {}
        ---
        apiVersion: governance/v1
        kind: ''
        teams: [{ id: team-a }]
        ---
        kind: ""
        metadata: { name: x }
        """;

    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void An_empty_kind_is_an_error_on_the_kind_field_in_a_backstage_or_a_fleet_document()
    {
        var file = _catalog.Write("catalog-info.yaml", EmptyKinds);

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.Equal(
            [
                $"{file}:2:7: kind: is empty; expected one of Component, Resource, System, API, Group, User, Domain, Location, Template",
                $"{file}:8:7: kind: is empty: a governance/v1 document is kind Fleet",
                $"{file}:11:7: kind: is empty (apiVersion ''); expected Fleet (apiVersion governance/v1) or a Backstage kind (apiVersion backstage.io/v1alpha1): Component, Resource, System, API, Group, User, Domain, Location, Template",
            ],
            plan.Errors.Select(error => error.ToString()));
        Assert.Empty(plan.Services);
        Assert.Empty(plan.Entities);
    }

    [Fact]
    public void With_skip_invalid_a_document_of_empty_kind_is_listed_as_skipped()
    {
        var file = _catalog.Write("catalog-info.yaml", EmptyKinds);

        var plan = CatalogReader.Read([file], new ImportOptions(SkipInvalid: true));

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(["document 1", "document 2", "document 3"], plan.Skipped.Select(skipped => skipped.Reference));
        Assert.Equal(["kind", "kind", "kind"], plan.Skipped.Select(skipped => Assert.Single(skipped.Problems).Field));
        Assert.Empty(plan.Entities);
    }
}
