using System.Net;
using System.Text.RegularExpressions;
using Governance.Application.Identity;
using Governance.Domain.Identity;
using Governance.Server.Tests.Support;

namespace Governance.Server.Tests.Identity;

/// <summary>The sign-in form over HTTP: a session cookie for the right password, antiforgery, and the lockout after repeated failures.</summary>
public sealed partial class SignInPageTests : IAsyncLifetime
{
    private ApiHost _host = null!;
    private string _password = null!;

    public async Task InitializeAsync()
    {
        _host = new ApiHost();
        using var warm = _host.Client(user: null);
        await using var store = await _host.OpenStoreAsync();
        var created = await new LocalAccounts(store, _host.Time, LockoutPolicy.Default)
            .AddAsync(new NewAccount("priya", new HashSet<Role> { Role.Owner }, Team: "team-a"), TimeSpan.FromDays(1));
        _password = ((AccountCreation.Created)created).Secret;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_right_password_starts_a_session_that_opens_the_overview()
    {
        using var browser = _host.Client(user: null);

        var signIn = await SignInAsync(browser, "priya", _password);
        var overview = await browser.GetStringAsync("/");

        Assert.Equal((HttpStatusCode.Redirect, "/"), (signIn.StatusCode, signIn.Headers.Location?.OriginalString));
        Assert.Contains("<span data-testid=\"signed-in-as\">priya</span>", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_form_says_until_when()
    {
        using var browser = _host.Client(user: null);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Contains("The name or the password is wrong.", await (await SignInAsync(browser, "priya", "guess")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await (await SignInAsync(browser, "priya", "guess")).Content.ReadAsStringAsync();
        var right = await SignInAsync(browser, "priya", _password);

        // The host's clock stands at 09:00 UTC; the default lockout lasts 15 minutes.
        Assert.Contains("Too many failed sign-ins: this account is locked until 09:15 UTC.", fifth, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked until 09:15 UTC", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_its_session_ends_at_its_next_request_and_its_tokens_stop()
    {
        using var browser = _host.Client(user: null);
        await SignInAsync(browser, "priya", _password);
        using var script = _host.Client("ci-bot", Role.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/services")).StatusCode);

        await ChangeAsync(accounts => accounts.DisableAsync("priya", "user:ada"));
        await ChangeAsync(accounts => accounts.DisableAsync("ci-bot", "user:ada"));
        var afterDisabling = await browser.GetAsync("/");
        var again = await (await SignInAsync(browser, "priya", _password)).Content.ReadAsStringAsync();
        var tokenAfter = await script.GetAsync("/api/services");
        await ChangeAsync(accounts => accounts.EnableAsync("priya"));
        var afterEnabling = await SignInAsync(browser, "priya", _password);

        Assert.Equal((HttpStatusCode.Redirect, "/sign-in"), (afterDisabling.StatusCode, afterDisabling.Headers.Location?.AbsolutePath));
        Assert.Contains("The name or the password is wrong.", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfter.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/"), (afterEnabling.StatusCode, afterEnabling.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task A_new_password_ends_the_session_signed_in_with_the_old_one_and_a_sign_in_with_the_new_one_holds()
    {
        using var laptop = _host.Client(user: null);
        using var phone = _host.Client(user: null);
        await SignInAsync(laptop, "priya", _password);
        _host.Time.Advance(TimeSpan.FromSeconds(1));

        string newPassword;
        await using (var store = await _host.OpenStoreAsync())
        {
            newPassword = Assert.IsType<SecretIssue.Issued>(await new LocalAccounts(store, _host.Time, LockoutPolicy.Default).ResetPasswordAsync("priya")).Secret;
        }

        _host.Time.Advance(TimeSpan.FromSeconds(1));
        await SignInAsync(phone, "priya", newPassword);
        var onTheLaptop = await laptop.GetAsync("/");
        var onThePhone = await phone.GetAsync("/");

        Assert.Equal((HttpStatusCode.Redirect, "/sign-in"), (onTheLaptop.StatusCode, onTheLaptop.Headers.Location?.AbsolutePath));
        Assert.Equal(HttpStatusCode.OK, onThePhone.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_refused()
    {
        using var browser = _host.Client(user: null);

        var response = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "priya", ["password"] = _password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task ChangeAsync(Func<LocalAccounts, Task<Domain.FieldError?>> change)
    {
        await using var store = await _host.OpenStoreAsync();
        Assert.Null(await change(new LocalAccounts(store, _host.Time, LockoutPolicy.Default)));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string password)
    {
        var form = await browser.GetStringAsync("/sign-in");
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
