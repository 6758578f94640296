using System.Net;
using System.Text.RegularExpressions;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Identity;

/// <summary>People sign in through the organisation's authority (OpenID Connect, code flow with PKCE) — here one on a loopback port.</summary>
public sealed partial class OpenIdConnectTests : IAsyncLifetime
{
    private readonly FakeAuthority _authority = new();
    private ApiHost _host = null!;

    public async Task InitializeAsync()
    {
        await _authority.StartAsync();
        _host = new ApiHost(
            ("Governance:Identity:Authority", _authority.Issuer),
            ("Governance:Identity:ClientId", "governance-web"),
            ("Governance:Identity:ClientSecret", "not-a-secret"),
            ("Governance:Identity:RequireHttpsAuthority", "false"));

        // The round trip's cookies expire by the server's clock and are kept by the client's, the real one: align them.
        _host.Time.Advance(DateTimeOffset.UtcNow - ApiHost.Now);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _authority.DisposeAsync();
    }

    [Fact]
    public async Task A_person_signs_in_through_the_authority_with_the_roles_and_team_it_gives()
    {
        using var browser = _host.Client(user: null);
        using var authority = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var signInPage = await browser.GetStringAsync("/sign-in");
        var toAuthority = await browser.PostAsync("/sign-in?handler=Authority", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = "/my-work",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(signInPage).Groups[1].Value,
        }));
        var back = await authority.GetAsync(toAuthority.Headers.Location);
        // The authority answers in the form_post mode the server asks for: the browser posts the code and state back.
        var answer = System.Web.HttpUtility.ParseQueryString(back.Headers.Location!.Query);
        var callback = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = answer["code"]!,
            ["state"] = answer["state"]!,
        }));
        var workResponse = await browser.GetAsync("/my-work");
        var work = await workResponse.Content.ReadAsStringAsync();
        Assert.True(workResponse.StatusCode == HttpStatusCode.OK, $"back {back.StatusCode} {back.Headers.Location}; callback {callback.StatusCode} {callback.Headers.Location} {await callback.Content.ReadAsStringAsync()}; work {workResponse.StatusCode} {workResponse.Headers.Location}");

        Assert.Equal(HttpStatusCode.Redirect, toAuthority.StatusCode);
        Assert.StartsWith($"{_authority.Issuer}/authorize?", toAuthority.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("response_mode=form_post", toAuthority.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", toAuthority.Headers.Location.Query, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/my-work"), (callback.StatusCode, callback.Headers.Location?.OriginalString));
        Assert.Contains("<span data-testid=\"signed-in-as\">olu</span>", work, StringComparison.Ordinal);
        Assert.Contains("Late remediation items of team-a", work, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_with_a_code_the_authority_never_gave_signs_nobody_in()
    {
        using var browser = _host.Client(user: null);

        var callback = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "forged", ["state"] = "forged" }));
        var overview = await browser.GetAsync("/");

        Assert.False(callback.StatusCode == HttpStatusCode.Redirect && callback.Headers.Location?.OriginalString == "/", $"{callback.StatusCode} {callback.Headers.Location}");
        Assert.Equal("/sign-in", overview.Headers.Location?.AbsolutePath);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
