using Governance.Web.Tests.Support;
using Microsoft.Playwright;

namespace Governance.Web.Tests.Journeys;

/// <summary>
/// The administrator's journey in a real browser on the demo store: Ada signs in, opens Admin, adds an owner through the
/// form and reads the one-time password off the answer, looks at the policies, asks for an audit; the new owner signs in
/// with the password and sees no Admin entry.
/// </summary>
public sealed class AdminJourneyTests(DemoWebApp app, Chromium chromium) : IClassFixture<DemoWebApp>, IClassFixture<Chromium>
{
    [BrowserFact]
    public async Task An_administrator_adds_an_owner_whose_shown_password_signs_them_in()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await SignInAsync(page, "ada", app.Passwords["ada"]);
        await page.GetByTestId("admin-nav").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Users" })).ToBeVisibleAsync();
        var form = page.GetByTestId("add-account");
        await form.GetByLabel("Name").FillAsync("lee");
        await form.GetByLabel("owner").CheckAsync();
        await form.GetByLabel("Team").FillAsync("platform-foundation");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(page.GetByTestId("secret")).ToContainTextAsync("The one-time password of lee:");
        var password = await page.GetByTestId("secret-value").InnerTextAsync();
        await Expect(page.Locator("tr[data-account='lee']")).ToContainTextAsync("platform-foundation");
        await Screenshots.SaveAsync(page, "admin-users.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Policies", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("folder-now")).ToContainTextAsync("Valid, and the same set as loaded.");
        await Screenshots.SaveAsync(page, "admin-policies.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedules", Exact = true }).ClickAsync();
        await page.GetByTestId("run-now").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("recorded as manual by user:ada");
        await Screenshots.SaveAsync(page, "admin-schedules.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await SignInAsync(page, "lee", password);
        await Expect(page.GetByTestId("admin-nav")).ToHaveCountAsync(0);
        Assert.Equal(20, password.Length);
    }

    private static async Task SignInAsync(IPage page, string name, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(name);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
