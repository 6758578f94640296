using Governance.Web.Tests.Support;
using Microsoft.Playwright;

namespace Governance.Web.Tests.Journeys;

/// <summary>
/// The main journey in a real browser against the real server on the demo fleet: an owner signs in, sees the overview,
/// opens the feature-enablement service and its risks, requests a waiver, cannot approve her own request; an approver
/// approves it; the history names both; each signs out.
/// </summary>
public sealed class WaiverJourneyTests : IClassFixture<DemoWebApp>, IClassFixture<Chromium>
{
    private readonly DemoWebApp _app;
    private readonly Chromium _chromium;

    public WaiverJourneyTests(DemoWebApp app, Chromium chromium)
    {
        _app = app;
        _chromium = chromium;
    }

    [BrowserFact]
    public async Task An_owner_requests_a_waiver_cannot_approve_it_herself_and_an_approver_does()
    {
        var page = await NewPageAsync();
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd");

        await SignInAsync(page, "priya");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fleet overview" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("service-count")).ToHaveTextAsync("42");
        await Screenshots.SaveAsync(page, "overview.png");

        await page.GetByTestId("riskiest").GetByRole(AriaRole.Link, new() { Name = "feature-enablement" }).ClickAsync();
        await Expect(page.GetByTestId("service-name")).ToContainTextAsync("Feature Enablement Service");
        await Expect(page.GetByTestId("risk-score")).ToContainTextAsync("58");
        await Expect(page.GetByTestId("traits")).ToContainTextAsync("critical-path-hub");
        await Screenshots.SaveAsync(page, "feature-enablement.png");

        var request = page.GetByTestId("request-waiver");
        await request.GetByLabel("Trait").FillAsync("slow-autoscaling");
        await request.GetByLabel("Justification").FillAsync("Predictive scaling ships next quarter");
        await request.GetByLabel("Last day").FillAsync(lastDay);
        await request.GetByRole(AriaRole.Button, new() { Name = "Request" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Requested a waiver of slow-autoscaling");
        var row = page.Locator("tr[data-trait='slow-autoscaling']");
        await Expect(row.GetByTestId("waiver-status")).ToHaveTextAsync("requested");

        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("approver: must be someone other than the requester (user:priya)");
        await Expect(row.GetByTestId("waiver-status")).ToHaveTextAsync("requested");
        await SignOutAsync(page);

        await SignInAsync(page, "sam");
        await page.GotoAsync(new Uri(_app.Address, "/services/feature-enablement").ToString());
        await row.GetByLabel("Reason for slow-autoscaling").FillAsync("Scaling runbook covers the gap");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("Approved the waiver of slow-autoscaling");
        await Expect(row.GetByTestId("waiver-status")).ToHaveTextAsync("approved");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("user:priya");
        var history = await page.GetByTestId("history").InnerTextAsync();
        Assert.Contains("user:priya\trequest-waiver", history, StringComparison.Ordinal);
        Assert.Contains("user:sam\tapprove-waiver", history, StringComparison.Ordinal);
        await SignOutAsync(page);
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _app.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    private async Task SignInAsync(IPage page, string name)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(_app.Passwords[name]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(name);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Signed out" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
