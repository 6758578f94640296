namespace Governance.Testing;

/// <summary>Where the checkout is, found from the test binaries upwards, and the shared third-party fixtures beside it (../shared).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped policies folder, tested as shipped.</summary>
    public static string Policies => Path.Combine(Root, "policies");

    /// <summary>The real Backstage example catalog in ../shared/fixtures.</summary>
    public static string BackstageExamples => Path.Combine(Root, "..", "shared", "fixtures", "backstage", "official-examples");

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
