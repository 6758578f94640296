namespace Governance.Cli.Tests;

/// <summary>A fact that needs the Backstage examples in ../shared/fixtures; skipped, saying so, when they are absent.</summary>
public sealed class BackstageFactAttribute : FactAttribute
{
    public BackstageFactAttribute()
    {
        if (!Directory.Exists(Repository.BackstageExamples))
        {
            Skip = $"the Backstage examples are not at {Path.GetFullPath(Repository.BackstageExamples)} (they come with ../shared/fixtures)";
        }
    }
}
