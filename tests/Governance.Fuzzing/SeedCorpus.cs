namespace Governance.Fuzzing;

/// <summary>A real document the generators start from, named by its path.</summary>
public sealed record SeedFile(string Path, string Text)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// The real documents fuzzing starts from, read where they live (never copied): the demo fleet, the shipped policies, and
/// the official Backstage examples in ../shared/fixtures beside the repository.
/// </summary>
public static class SeedCorpus
{
    /// <summary>The demo fleet (Relaywave) in the fleet format: whole, and cut into files of three services each (quicker to read, so more of them are tried).</summary>
    public static IReadOnlyList<SeedFile> Fleet { get; } = WithSlices(Load(Path.Combine(Repository.Root, "src", "Governance.Cli", "Demo", "demo-fleet.yaml")));

    /// <summary>The Backstage examples; empty where ../shared is absent (the tests that need them say so and skip).</summary>
    public static IReadOnlyList<SeedFile> Backstage { get; } = Directory.Exists(Repository.BackstageExamples) ? LoadAll(Repository.BackstageExamples) : [];

    /// <summary>Every shipped policy file, the tier targets among them.</summary>
    public static IReadOnlyList<SeedFile> PolicyFiles { get; } = LoadAll(Repository.Policies);

    private static IReadOnlyList<SeedFile> LoadAll(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(Load)];

    /// <summary>The file, and files of its header (teams, systems) with three of its services each.</summary>
    private static IReadOnlyList<SeedFile> WithSlices(SeedFile fleet)
    {
        var lines = fleet.Text.Split('\n');
        var services = Array.IndexOf(lines, "services:");
        var starts = Enumerable.Range(services + 1, lines.Length - services - 1).Where(i => lines[i].StartsWith("  - ", StringComparison.Ordinal)).ToList();
        var slices = starts.Chunk(3).Select((chunk, index) =>
        {
            var end = starts.FirstOrDefault(start => start > chunk[^1], lines.Length);
            var text = string.Join('\n', lines[..(services + 1)].Concat(lines[chunk[0]..end]));
            return new SeedFile($"{fleet.Path} (services {(index * 3) + 1}-{(index * 3) + chunk.Length})", text);
        });
        return [fleet, .. slices];
    }

    private static SeedFile Load(string path) => new(path, File.ReadAllText(path));
}
