using System.Net;
using Governance.Domain.Identity;
using Governance.Web.Tests.Support;

namespace Governance.Web.Tests.Pages;

/// <summary>Every page over a store with nothing in it: it answers, and says plainly that there is nothing yet.</summary>
public sealed class EmptyStorePageTests(EmptyWebApp app) : IClassFixture<EmptyWebApp>
{
    [Theory]
    [InlineData("/", "No audit has run yet.")]
    [InlineData("/risks", "No audit has run yet. Run one with")]
    [InlineData("/services", "No service matches.")]
    [InlineData("/waivers", "No request is waiting.")]
    [InlineData("/my-work", "Nothing waits for your decision.")]
    public async Task A_page_over_an_empty_store_says_there_is_nothing_yet(string path, string says)
    {
        using var client = await app.ClientAsync($"viewer{path.Replace("/", "-", StringComparison.Ordinal)}", new HashSet<Role> { Role.Viewer });

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_does_not_exist_is_a_404()
    {
        using var client = await app.ClientAsync("viewer-404", new HashSet<Role> { Role.Viewer });

        var response = await client.GetAsync("/services/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
