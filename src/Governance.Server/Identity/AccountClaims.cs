using System.Globalization;
using System.Security.Claims;
using Governance.Domain.Identity;

namespace Governance.Server.Identity;

/// <summary>An <see cref="Account"/> as claims, and back: the one way the server learns who is asking.</summary>
public static class AccountClaims
{
    public const string Team = "team";
    public const string Tier = "tier";

    /// <summary>When a local sign-in began its session (round-trip format): a session older than the account's last "end sessions" no longer holds.</summary>
    public const string SignedInAt = "signed_in_at";

    /// <summary>The claims a local sign-in or API token puts on the principal.</summary>
    public static ClaimsIdentity Identity(Account account, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, account.Name) };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        if (account.Team is { } team)
        {
            claims.Add(new Claim(Team, team));
        }

        if (account.Tier is { } tier)
        {
            claims.Add(new Claim(Tier, tier.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role);
    }

    /// <summary>The cookie session's principal for a local sign-in: the account's claims and when it signed in.</summary>
    public static ClaimsPrincipal Session(Account account, DateTimeOffset signedInAt, string authenticationType)
    {
        var identity = Identity(account, authenticationType);
        identity.AddClaim(new Claim(SignedInAt, signedInAt.ToString("O", CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>When the session began; the earliest time for a session from before the claim existed, which any ending ends.</summary>
    public static DateTimeOffset SignedInAtOf(ClaimsPrincipal user) =>
        DateTimeOffset.TryParseExact(user.FindFirst(SignedInAt)?.Value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;

    /// <summary>
    /// An authority's principal in the shape local accounts have, so that the rest of the server reads one shape: the name
    /// from the configured claim (else <c>sub</c>), the roles, team and tier claims as named in the options.
    /// </summary>
    public static ClaimsPrincipal FromAuthority(ClaimsPrincipal principal, IdentityOptions options, string authenticationType)
    {
        var name = principal.FindFirst(options.NameClaim)?.Value ?? principal.FindFirst("sub")?.Value ?? string.Empty;
        var roles = principal.FindAll(options.RoleClaim).Select(claim => claim.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(Enum.GetValues<Role>().Where(role => roles.Contains(role.ToString())).Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        claims.AddRange(principal.FindAll(options.TeamClaim).Take(1).Select(claim => new Claim(Team, claim.Value)));
        claims.AddRange(principal.FindAll(options.TierClaim).Take(1).Select(claim => new Claim(Tier, claim.Value)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Who the principal is; null when it is not signed in. Roles the product does not know are ignored.</summary>
    public static Account? AccountOf(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } identity || string.IsNullOrWhiteSpace(identity.Name))
        {
            return null;
        }

        var roles = user.FindAll(ClaimTypes.Role)
            .Select(claim => Enum.TryParse<Role>(claim.Value, ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
        var tier = int.TryParse(user.FindFirst(Tier)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
        return new Account(identity.Name, roles, user.FindFirst(Team)?.Value, tier);
    }
}
