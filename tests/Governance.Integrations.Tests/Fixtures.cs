namespace Governance.Integrations.Tests;

/// <summary>Where the shared third-party fixtures are: ../shared/fixtures next to the repository root.</summary>
public static class Fixtures
{
    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    public static string BackstageExamples { get; } = Path.Combine(RepositoryRoot ?? ".", "..", "shared", "fixtures", "backstage", "official-examples");

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs the real Backstage examples; skipped, saying what is missing, where ../shared is absent.</summary>
public sealed class BackstageFixtureFactAttribute : FactAttribute
{
    public BackstageFixtureFactAttribute()
    {
        if (!Directory.Exists(Fixtures.BackstageExamples))
        {
            Skip = $"the Backstage examples are not at {Path.GetFullPath(Fixtures.BackstageExamples)} (../shared/fixtures is absent in this clone)";
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
