using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Domain.Identity;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Pages;

/// <summary>
/// The pages over the demo fleet and its first audit: what each shows, checked against the demo's data as the demo file
/// and the shipped policies give it (42 services; feature-enablement the riskiest, at 58).
/// </summary>
public sealed class DemoStorePageTests(DemoWebApp app) : IClassFixture<DemoWebApp>
{
    [Fact]
    public async Task The_overview_counts_the_fleet_and_lists_the_riskiest_first()
    {
        var html = await GetAsync("/", "leader-1", [Role.Leader]);

        Assert.Contains("<div class=\"figure\" data-testid=\"service-count\">42</div>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(">feature-enablement</a>", StringComparison.Ordinal) < html.IndexOf(">carrier-routing</a>", StringComparison.Ordinal));
        Assert.Contains("(the first", await GetAsync("/risks", "leader-2", [Role.Leader]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_page_shows_its_traits_dependencies_items_and_history()
    {
        var html = await GetAsync("/services/feature-enablement", "viewer-1", [Role.Viewer]);

        Assert.Contains("data-testid=\"risk-score\">58", html, StringComparison.Ordinal);
        Assert.Contains("<strong>critical-path-hub</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/services/config-service\">config-service</a>", html, StringComparison.Ordinal);
        var callers = html[html.IndexOf("data-testid=\"callers\"", StringComparison.Ordinal)..];
        Assert.Contains("<a href=\"/services/api-gateway\">api-gateway</a>", callers, StringComparison.Ordinal);
        Assert.Contains("<strong>FES-37</strong> Automate Feature Service failover", html, StringComparison.Ordinal);
        Assert.Contains("<td>demo</td><td>define-service</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"request-waiver\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_reads_a_customer_restricted_item_without_its_text_on_the_page_and_through_the_api()
    {
        var viewerPage = await GetAsync("/services/feature-enablement", "viewer-restricted", [Role.Viewer]);
        var leaderPage = await GetAsync("/services/feature-enablement", "leader-restricted", [Role.Leader]);
        using var viewer = await app.ClientAsync("viewer-restricted-api", new HashSet<Role> { Role.Viewer });
        var item = (await viewer.GetFromJsonAsync<JsonElement>("/api/services/feature-enablement")).GetProperty("state").GetProperty("remediationItems")
            .EnumerateArray().Single(element => element.GetProperty("id").GetString() == "FES-36");

        Assert.Contains("<strong>FES-36</strong> Restricted: concerns a customer", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Northwind", viewerPage, StringComparison.Ordinal);
        Assert.Contains("<strong>FES-36</strong> Move Northwind Bank and Globex off the per-flag v2 evaluation endpoint", leaderPage, StringComparison.Ordinal);
        Assert.Equal("Restricted: concerns a customer", item.GetProperty("title").GetString());
        Assert.DoesNotContain("Northwind", item.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("in-progress", item.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_owner_sees_the_request_form_and_the_request_waits_for_the_approver_on_the_waivers_and_work_pages()
    {
        using var owner = await app.ClientAsync("owner-1", new HashSet<Role> { Role.Owner }, "platform-foundation");
        var page = await owner.GetStringAsync("/services/feature-enablement");
        var requested = await owner.PostAsJsonAsync("/api/services/feature-enablement/waivers",
            new { traitId = "no-learning-mode-launches", justification = "Launch flags arrive with v5", expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30) });

        Assert.Contains("data-testid=\"request-waiver\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.Contains("no-learning-mode-launches", await GetAsync("/waivers", "viewer-2", [Role.Viewer]), StringComparison.Ordinal);
        var approverWork = await GetAsync("/my-work", "approver-1", [Role.Approver], "platform-foundation");
        var otherTeamWork = await GetAsync("/my-work", "approver-2", [Role.Approver], "billing-transactions");
        Assert.Contains("Waiver requests for you to decide (1)", approverWork, StringComparison.Ordinal);
        Assert.Contains("Waiver requests for you to decide (0)", otherTeamWork, StringComparison.Ordinal);
        Assert.Contains("Your requests still waiting (1)", await owner.GetStringAsync("/my-work"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_after_someone_else_changed_the_service_says_so_and_changes_nothing()
    {
        using var owner = await app.ClientAsync("owner-2", new HashSet<Role> { Role.Owner }, "platform-foundation");
        var page = await owner.GetStringAsync("/services/rate-limiter");
        var version = long.Parse(Regex.Match(page, "name=\"Waiver.Version\" value=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var meanwhile = await owner.PatchAsync("/api/services/rate-limiter", new StringContent("""{"description": "Changed meanwhile"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"));

        var stale = await owner.PostAsync("/services/rate-limiter?handler=RequestWaiver", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Waiver.TraitId"] = "slow-autoscaling",
            ["Waiver.Justification"] = "Sent from an old page",
            ["Waiver.Expires"] = lastDay,
            ["Waiver.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains($"Someone changed this service first (it is now at version {version + 1}, the form was of version {version})", html, StringComparison.Ordinal);
        Assert.Contains("Changed meanwhile", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sent from an old page</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_services_list_searches_filters_and_pages()
    {
        var search = await GetAsync("/services?q=FEATURE", "viewer-4", [Role.Viewer]);
        var tierZeroCritical = await GetAsync("/services?tier=0&level=Critical&sort=Risk", "viewer-5", [Role.Viewer]);
        var secondPage = await GetAsync("/services?sort=Id&p=2", "viewer-6", [Role.Viewer]);

        Assert.Contains("1–1 of 1 services", search, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/services/feature-enablement\">feature-enablement</a>", search, StringComparison.Ordinal);
        Assert.True(tierZeroCritical.IndexOf(">feature-enablement</a>", StringComparison.Ordinal) < tierZeroCritical.IndexOf(">carrier-routing</a>", StringComparison.Ordinal));
        Assert.DoesNotContain(">invoicing</a>", tierZeroCritical, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", search, StringComparison.Ordinal);
        Assert.Contains("1–42 of 42 services", await GetAsync("/services", "viewer-7", [Role.Viewer]), StringComparison.Ordinal);
        var main = secondPage[secondPage.IndexOf("<main>", StringComparison.Ordinal)..];
        Assert.True(main.Contains("Page 2 is past the last page of these services (1).", StringComparison.Ordinal), main[..Math.Min(main.Length, 3000)]);
    }

    [Fact]
    public async Task Similar_services_to_feature_enablement_are_ranked_with_their_shared_traits()
    {
        var html = await GetAsync("/risks?like=feature-enablement", "viewer-3", [Role.Viewer]);

        var table = html[html.IndexOf("data-testid=\"similar\"", StringComparison.Ordinal)..];
        Assert.True(table.IndexOf(">carrier-routing</a>", StringComparison.Ordinal) < table.IndexOf(">media-servers</a>", StringComparison.Ordinal));
    }

    private async Task<string> GetAsync(string path, string name, Role[] roles, string? team = null)
    {
        using var client = await app.ClientAsync(name, roles.ToHashSet(), team);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
