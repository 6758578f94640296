using Governance.Fuzzing;
using Governance.Integrations.Import;
using Xunit.Abstractions;

namespace Governance.Integrations.Tests.Fuzzing;

/// <summary>
/// The catalog reader on generated files grown from the demo fleet and the Backstage examples: whatever the input, it
/// returns a plan (never throws), and every problem in it is located. Bounded by <see cref="FuzzBudget"/>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class CatalogReaderFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Any_fleet_file_reads_to_a_plan_whose_problems_are_located() =>
        FuzzBudget.Check(Documents.Any(SeedCorpus.Fleet), document => Read("fleet.yaml", document), output.WriteLine);

    [BackstageFixtureFact]
    public void Any_backstage_file_reads_to_a_plan_whose_problems_are_located() =>
        FuzzBudget.Check(Documents.Any(SeedCorpus.Backstage), document => Read("catalog-info.yaml", document), output.WriteLine);

    private void Read(string name, FuzzDocument document)
    {
        var file = Path.Combine(_catalog.Directory, name);
        File.WriteAllBytes(file, document.Bytes);

        var plan = CatalogReader.Read([file], new ImportOptions());

        Assert.Equal([file], plan.Files);
        PlanProperties.AssertLocated(plan);
    }
}
