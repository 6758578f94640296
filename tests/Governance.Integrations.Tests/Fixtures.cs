namespace Governance.Integrations.Tests;

/// <summary>A fact that needs the real Backstage examples; skipped, saying what is missing, where ../shared is absent.</summary>
public sealed class BackstageFixtureFactAttribute : FactAttribute
{
    public BackstageFixtureFactAttribute()
    {
        if (!Directory.Exists(Repository.BackstageExamples))
        {
            Skip = $"the Backstage examples are not at {Path.GetFullPath(Repository.BackstageExamples)} (../shared/fixtures is absent in this clone)";
        }
    }
}

/// <summary>A temporary folder of catalog files, deleted after the test.</summary>
public sealed class TempCatalog : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("governance-import-").FullName;

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
