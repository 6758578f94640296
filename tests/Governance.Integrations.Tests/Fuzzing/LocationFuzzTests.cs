using System.Text.Json;
using CsCheck;
using Governance.Fuzzing;
using Governance.Integrations.Import;
using Xunit.Abstractions;

namespace Governance.Integrations.Tests.Fuzzing;

/// <summary>
/// Backstage Locations with generated targets — relative, absolute, escaping, looping, links, folders, odd names — in a
/// folder with real descriptors and a file outside it: the import reads only files inside its folder, and locates every problem.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class LocationFuzzTests : IDisposable
{
    private readonly TempCatalog _catalog = new();
    private readonly ITestOutputHelper _output;
    private readonly string _folder;
    private readonly string _outside;

    public LocationFuzzTests(ITestOutputHelper output)
    {
        _output = output;
        _folder = Path.Combine(_catalog.Directory, "import");
        _outside = _catalog.Write("outside.yaml", Group("outside"));
        _catalog.Write(Path.Combine("import", "components", "a.yaml"), Group("a"));
        _catalog.Write(Path.Combine("import", "components", "b.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: { name: b }\nspec: { target: ../catalog-info.yaml }\n");
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        File.CreateSymbolicLink(Path.Combine(_folder, "link-out.yaml"), _outside);
        File.CreateSymbolicLink(Path.Combine(_folder, "link-in.yaml"), Path.Combine(_folder, "components", "a.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "loop"), _folder);
    }

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Any_location_reads_only_files_inside_the_import_and_locates_its_problems()
    {
        var targets = Gen.OneOf<string>(
            "components/a.yaml", "./components/a.yaml", "components/../components/a.yaml", "components/b.yaml", "catalog-info.yaml",
            "./catalog-info.yaml", "../outside.yaml", "../import/components/a.yaml", _outside, "/etc/hostname", "/dev/null", "/dev/zero",
            "/proc/self/mem", "sub", "sub/", ".", "..", "", " ", "missing.yaml", "link-out.yaml", "link-in.yaml", "loop/components/a.yaml",
            "loop/loop/loop/catalog-info.yaml", "components\\a.yaml", "components/*.yaml", "~/x.yaml", "file:///etc/hostname",
            "https://example.invalid/catalog-info.yaml", "url:./components/a.yaml", "a\0b.yaml", new string('x', 5_000) + ".yaml",
            "compönents/ä.yaml", "components/a.yaml\n", "%2e%2e/outside.yaml");
        var location = Gen.Select(
            targets.Array[0, 4],
            Gen.Int[0, 3],
            Gen.OneOf<string>("file", "url", "", "github", "🙂"),
            Gen.OneOf<string>("required", "optional", "", "maybe"),
            (list, shape, type, presence) => new SeedFile("location", Location(list, shape, type, presence)));
        var documents = Gen.Frequency((2, location.Select(seed => new FuzzDocument(seed.Name, [], System.Text.Encoding.UTF8.GetBytes(seed.Text)))), (1, Documents.Structured(location)));

        FuzzBudget.Check(Gen.Select(documents, Gen.Int[0, 2]), input => Read(input.Item1, input.Item2), _output.WriteLine);
    }

    private void Read(FuzzDocument document, int how)
    {
        var file = Path.Combine(_folder, "catalog-info.yaml");
        File.WriteAllBytes(file, document.Bytes);

        // The command line names a folder or a file; the server confines an import to the folder its files were written to.
        var plan = how switch
        {
            0 => CatalogReader.Read([_folder], new ImportOptions()),
            1 => CatalogReader.Read([file], new ImportOptions()),
            _ => CatalogReader.Read([file], new ImportOptions() { ConfineTo = _folder }),
        };

        var inside = Path.GetFullPath(_folder) + Path.DirectorySeparatorChar;
        Assert.All(plan.Files, read => Assert.StartsWith(inside, ResolveLinks(read), StringComparison.Ordinal));
        PlanProperties.AssertLocated(plan);
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    private static string Location(string[] targets, int shape, string type, string presence)
    {
        // Quoted as JSON strings, which YAML's double-quoted style reads the same.
        var quoted = targets.Select(target => JsonSerializer.Serialize(target)).ToList();
        var target = quoted.Count > 0 && shape != 1 ? $"  target: {quoted[0]}\n" : string.Empty;
        var list = shape >= 1 ? $"  targets: [{string.Join(", ", quoted.Skip(shape == 1 ? 0 : 1))}]\n" : string.Empty;
        return $"apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {{ name: fuzz }}\nspec:\n  type: {JsonSerializer.Serialize(type)}\n  presence: {JsonSerializer.Serialize(presence)}\n{target}{list}";
    }

    private static string Group(string name) => $"apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {{ name: {name} }}\nspec: {{ type: team, children: [] }}\n";
}
