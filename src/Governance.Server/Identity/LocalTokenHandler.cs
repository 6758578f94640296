using System.Text.Encodings.Web;
using Governance.Application.Identity;
using Governance.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Governance.Server.Identity;

/// <summary>Authenticates <c>Authorization: Bearer gov_…</c>: an API token of a local account, checked against its salted hash and expiry.</summary>
public sealed class LocalTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StoreHolder holder,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Of(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var accounts = new LocalAccounts(holder.Store, time, LockoutPolicy.Default);
        return await accounts.AuthenticateTokenAsync(token, Context.RequestAborted) is { } account
            ? AuthenticateResult.Success(new AuthenticationTicket(new(AccountClaims.Identity(account, SchemeName)), SchemeName))
            : AuthenticateResult.Fail("the API token is unknown, wrong or expired");
    }
}

/// <summary>The bearer token of a request, if it sends one.</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }

    public static bool IsLocal(string token) => token.StartsWith(LocalAccounts.TokenPrefix, StringComparison.Ordinal);
}
