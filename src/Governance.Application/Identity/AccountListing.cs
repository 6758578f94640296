using Governance.Domain;
using Governance.Domain.Identity;

namespace Governance.Application.Identity;

/// <summary>Whether an account is a person's, who signs in with a password, or a script's, which uses API tokens.</summary>
public enum AccountKind
{
    Person,
    Script,
}

/// <summary>
/// A local account as an administrator sees it: what it is, when it was made, the lockout still running (null when none),
/// when its newest-lasting API token expires (null when it has none; possibly past), and when it was disabled.
/// </summary>
public sealed record AccountListing(
    Account Account,
    AccountKind Kind,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? TokenExpiresAt,
    DateTimeOffset? DisabledAt);

/// <summary>What asking for a new secret (a reset password, another API token) came to.</summary>
public abstract record SecretIssue
{
    private SecretIssue()
    {
    }

    /// <summary>Issued; <paramref name="Secret"/> is shown this once and kept nowhere. A token has an expiry, a password none.</summary>
    public sealed record Issued(string Name, string Secret, DateTimeOffset? ExpiresAt) : SecretIssue;

    public sealed record Refused(FieldError Error) : SecretIssue;
}
