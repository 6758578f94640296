using Microsoft.Playwright;

namespace Governance.Web.Tests.Support;

/// <summary>
/// Keeps what the browser saw: beside the test's output always, and in the repository's docs/screenshots when
/// GOVERNANCE_SCREENSHOTS=docs (scripts/screenshots.sh), so that the README's pictures are the ones a test asserted on.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("GOVERNANCE_SCREENSHOTS") == "docs"
            ? Path.Combine(Repository.Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }
}
