using System.Net;
using System.Text.RegularExpressions;
using Governance.Domain.Catalog;
using Governance.Domain.Identity;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Pages;

/// <summary>
/// The pages over 100,000 generated services and their audit: each answers, counts the whole fleet, and shows a page of it,
/// never all of it. What they should show is taken from the generated fleet, the test's own input.
/// </summary>
public sealed partial class LargeStorePageTests(LargeWebApp app) : IClassFixture<LargeWebApp>
{
    [Fact]
    public async Task The_overview_counts_every_service_and_lists_riskiest_services_and_hubs()
    {
        var html = await GetAsync("/", "leader-large", [Role.Leader]);

        Assert.Contains($"data-testid=\"service-count\">{LargeWebApp.FleetSize}</div>", html, StringComparison.Ordinal);
        var hubs = html[html.IndexOf("Critical callers", StringComparison.Ordinal)..];
        Assert.Contains(app.Fleet.Services[0].Id, hubs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_services_list_shows_one_page_of_fifty_out_of_all()
    {
        var html = await GetAsync("/services", "viewer-large-list", [Role.Viewer]);

        Assert.Contains($"1–50 of {LargeWebApp.FleetSize} services", html, StringComparison.Ordinal);
        Assert.Contains($"Page 1 of {LargeWebApp.FleetSize / 50}", html, StringComparison.Ordinal);
        Assert.Equal(50, ServiceRows(html));
    }

    [Fact]
    public async Task A_team_filter_and_a_search_find_exactly_the_generated_services()
    {
        var picked = app.Fleet.Services[54_321].Profile;
        var teamServices = app.Fleet.Services.Count(service => service.Profile.Owner == picked.Owner);

        var team = await GetAsync($"/services?team={Uri.EscapeDataString(picked.Owner!)}", "viewer-large-team", [Role.Viewer]);
        var searched = await GetAsync($"/services?q={Uri.EscapeDataString(picked.Id)}", "viewer-large-search", [Role.Viewer]);

        Assert.Contains($"of {teamServices} services", team, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/services/{picked.Id}\">{picked.Id}</a>", searched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_biggest_hubs_page_counts_all_its_callers_and_lists_the_first_hundred()
    {
        var hub = app.Fleet.Services[0].Profile;
        var callers = CallersOf(hub);

        var html = await GetAsync($"/services/{hub.Id}", "viewer-large-hub", [Role.Viewer]);

        Assert.True(callers.Count > 1_000, $"the generated hub has {callers.Count} callers");
        Assert.Contains($"{callers.Count} services call it", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("data-testid=\"callers\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(100, ServiceRows(table));
        Assert.Contains($"<a href=\"/services/{callers.Min(StringComparer.Ordinal)}\">", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/risks", "(the first: everything it found is new)")]
    [InlineData("/waivers", "No request is waiting.")]
    [InlineData("/my-work", "Nothing waits for your decision.")]
    public async Task The_fleet_wide_pages_answer(string path, string says)
    {
        var html = await GetAsync(path, $"leader-large{path.Replace('/', '-')}", [Role.Leader]);

        Assert.Contains(says, html, StringComparison.Ordinal);
    }

    /// <summary>The services whose own edges target the hub or an API it provides, and those the hub names as its callers.</summary>
    private HashSet<string> CallersOf(ServiceProfile hub)
    {
        var targets = hub.ProvidesApis.Select(api => "api:" + api).Append(hub.Id).ToHashSet(StringComparer.Ordinal);
        var callers = app.Fleet.Services
            .Where(service => service.Dependencies.Any(edge => targets.Contains(edge.Target)))
            .Select(service => service.Id)
            .Concat(hub.DependencyOf)
            .ToHashSet(StringComparer.Ordinal);
        callers.Remove(hub.Id);
        return callers;
    }

    private static int ServiceRows(string html) => ServiceLink().Matches(html[html.IndexOf("<tbody", StringComparison.Ordinal)..]).Count;

    private async Task<string> GetAsync(string path, string name, Role[] roles)
    {
        using var client = await app.ClientAsync(name, roles.ToHashSet());
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<tr>\\s*<td[^>]*>\\s*<a href=\"/services/")]
    private static partial Regex ServiceLink();
}
