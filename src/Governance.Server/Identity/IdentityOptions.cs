namespace Governance.Server.Identity;

/// <summary>
/// The <c>Governance:Identity</c> section. Without an <see cref="Authority"/> or <see cref="Issuer"/>, people sign in with
/// the store's local accounts (<c>governance users add</c>) and scripts use their API tokens. With one, people sign in
/// through OpenID Connect and scripts send JWT bearer tokens from that authority; local accounts stay unless turned off.
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "Governance:Identity";

    /// <summary>The OpenID Connect authority (its discovery document gives the sign-in address and the signing keys).</summary>
    public string? Authority { get; set; }

    /// <summary>Refuses an authority reached over plain HTTP; only a test or a laboratory turns it off.</summary>
    public bool RequireHttpsAuthority { get; set; } = true;

    /// <summary>This server's client id at the authority, for people's sign-in.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The audience a bearer token must name.</summary>
    public string? Audience { get; set; }

    /// <summary>The issuer a bearer token must name, when its keys are configured here rather than discovered.</summary>
    public string? Issuer { get; set; }

    /// <summary>A PEM file with the public key that signs bearer tokens, for an issuer without a discovery document.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The claim that names the person, as the history records them.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    public string RoleClaim { get; set; } = "roles";

    public string TeamClaim { get; set; } = "team";

    public string TierClaim { get; set; } = "tier";

    /// <summary>Whether people may sign in with the store's local accounts, and scripts use its API tokens.</summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>Failed sign-ins in a row that lock a local account.</summary>
    public int LockoutAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a signed-in session lasts without use.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public bool HasBearerTokens => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Issuer);

    public bool HasOpenIdConnect => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
