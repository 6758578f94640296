namespace Governance.Web.Tests.Support;

/// <summary>
/// A test that drives Debian's Chromium. Without it the test is skipped, saying how to install it; with CI=true it runs
/// anyway and fails, since CI must run it (scripts/prerequisites.sh installs it).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{Chromium.ExecutablePath} is missing: run scripts/prerequisites.sh (apt-get install chromium). With CI=true this fails instead.";
        }
    }
}
