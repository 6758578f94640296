using CsCheck;
using Governance.Application.Catalog;
using Governance.Fuzzing;
using Governance.Integrations.Import;
using Governance.Storage.Tests.Support;
using Xunit.Abstractions;

namespace Governance.Application.Tests.Fuzzing;

/// <summary>
/// The import use case on generated catalogs into a real SQLite store: a generated file beside a valid one defining a
/// service the store has not seen, so that a partial write would show. An import that is rejected (or a dry run) leaves the services, entities and history as they
/// were, and the history's chain verifies; every problem is located.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ImportFuzzTests(ITestOutputHelper output) : StoreTestBase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("governance-import-fuzz-").FullName;
    private int _imports;

    protected override Task<ITestDatabase> CreateDatabaseAsync() => Task.FromResult<ITestDatabase>(new SqliteTestDatabase());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_rejected_import_of_any_catalog_writes_nothing()
    {
        var generated = SeedCorpus.Backstage.Count > 0
            ? Gen.Frequency((2, Documents.Any(SeedCorpus.Fleet)), (1, Documents.Any(SeedCorpus.Backstage)))
            : Documents.Any(SeedCorpus.Fleet);

        await FuzzBudget.CheckAsync(Gen.Select(generated, Gen.Bool, Gen.Bool), input => ImportAsync(input.Item1, input.Item2, input.Item3), output.WriteLine);
    }

    private async Task ImportAsync(FuzzDocument document, bool skipInvalid, bool dryRun)
    {
        var fresh = $"fresh-{++_imports}";
        var validFile = Path.Combine(_folder, "valid.yaml");
        var generatedFile = Path.Combine(_folder, "generated.yaml");
        await File.WriteAllTextAsync(validFile, $"apiVersion: governance/v1\nkind: Fleet\nservices:\n  - {{ id: {fresh}, name: Fresh, tier: 2 }}\n");
        await File.WriteAllBytesAsync(generatedFile, document.Bytes);
        var before = await Store.GetStatisticsAsync();

        var outcome = await CatalogImport.RunAsync(Store, [validFile, generatedFile], new ImportOptions(skipInvalid), "user:fuzz", dryRun, Clock);

        PlanProperties.AssertLocated(outcome.Plan);
        if (outcome.Rejected || dryRun)
        {
            var after = await Store.GetStatisticsAsync();
            Assert.Equal((before.Services, before.HistoryEntries), (after.Services, after.HistoryEntries));
            Assert.Equal(before.EntitiesByKind.OrderBy(kind => kind.Key), after.EntitiesByKind.OrderBy(kind => kind.Key));
            Assert.Null(await Store.GetServiceAsync(fresh));
        }
        else
        {
            Assert.NotNull(await Store.GetServiceAsync(fresh));
        }

        Assert.Null((await Store.VerifyHistoryAsync()).FirstBreak);
    }
}
