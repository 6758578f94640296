namespace Governance.Grains.Tests.Support;

/// <summary>Where the checkout is, found from the test binaries upwards: grains judge by the shipped policies.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Policies { get; } = Path.Combine(Root, "policies");

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
