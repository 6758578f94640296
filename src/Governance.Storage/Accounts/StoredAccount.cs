using Governance.Domain.Identity;

namespace Governance.Storage.Accounts;

/// <summary>A local account as stored: who it is, its password's salted hash (null for a script's account), and its sign-in lockout.</summary>
public sealed record StoredAccount(Account Account, string? PasswordHash, int FailedSignIns, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt)
{
    /// <summary>When an administrator disabled the account; null while it is enabled.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>When its sessions were last ended (a new password, or by an administrator): those begun before no longer hold.</summary>
    public DateTimeOffset? SessionsEndedAt { get; init; }
}

/// <summary>An API token as stored: the account it acts as, its secret's salted hash, and when it stops working.</summary>
public sealed record StoredToken(string Id, string AccountName, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
