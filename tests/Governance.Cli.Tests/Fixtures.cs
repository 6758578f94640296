namespace Governance.Cli.Tests;

/// <summary>Paths to the repository and to the shared third-party fixtures beside it.</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string BackstageExamples => Path.Combine(RepositoryRoot, "..", "shared", "fixtures", "backstage", "official-examples");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Governance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Governance.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A fact that needs the Backstage examples in ../shared/fixtures; skipped, saying so, when they are absent.</summary>
public sealed class BackstageFactAttribute : FactAttribute
{
    public BackstageFactAttribute()
    {
        if (!Directory.Exists(Fixtures.BackstageExamples))
        {
            Skip = $"the Backstage examples are not at {Path.GetFullPath(Fixtures.BackstageExamples)} (they come with ../shared/fixtures)";
        }
    }
}
