using System.Security.Cryptography;
using Governance.Domain;
using Governance.Domain.History;
using Governance.Domain.Identity;
using Governance.Storage;
using Governance.Storage.Accounts;

namespace Governance.Application.Identity;

/// <summary>
/// The embedded default's identity, shared by <c>governance users</c> and the server's sign-in: accounts whose one-time
/// secret is shown once and kept only as a salted hash, password sign-in with lockout, and API tokens that expire.
/// </summary>
public sealed class LocalAccounts(GovernanceStore store, TimeProvider time, LockoutPolicy lockout)
{
    public const string TokenPrefix = "gov_";

    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromDays(90);

    /// <summary>Creates the account and returns the secret to hand over (its password, or its API token), or why not.</summary>
    public async Task<AccountCreation> AddAsync(NewAccount request, TimeSpan tokenLifetime, CancellationToken cancellationToken = default)
    {
        if (request.Validate() is { Count: > 0 } errors)
        {
            return new AccountCreation.Rejected(errors);
        }

        var now = time.GetUtcNow();
        var account = new Account(request.Name, request.Roles, NullIfBlank(request.Team), request.Tier);
        string secret;
        StoredAccount stored;
        StoredToken? token = null;
        if (request.Script)
        {
            (secret, token) = NewToken(account.Name, now, tokenLifetime);
            stored = new StoredAccount(account, PasswordHash: null, 0, null, now);
        }
        else
        {
            secret = NewPassword();
            stored = new StoredAccount(account, SecretHasher.HashPassword(secret), 0, null, now);
        }

        return await store.Accounts.AddAsync(stored, token, cancellationToken)
            ? new AccountCreation.Created(account, secret, token?.ExpiresAt)
            : new AccountCreation.Rejected([new FieldError("name", $"an account named '{request.Name}' exists already")]);
    }

    /// <summary>Checks a password; the lockout's count goes up on a failure and back to zero on success.</summary>
    public async Task<SignInOutcome> SignInAsync(string name, string password, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stored = await store.Accounts.FindAsync(name.Trim().ToLowerInvariant(), cancellationToken);
        if (stored is null)
        {
            // The same work as a wrong password, so that timing does not tell which names exist.
            SecretHasher.Verify(password, SecretHasher.Decoy);
            return new SignInOutcome.Refused();
        }

        if (stored.DisabledAt is not null)
        {
            // Disabled is the same answer as a wrong password: the form does not tell whether the password was right.
            SecretHasher.Verify(password, SecretHasher.Decoy);
            return new SignInOutcome.Refused();
        }

        if (stored.LockedUntil is { } until && until > now)
        {
            return new SignInOutcome.LockedOut(until);
        }

        if (!SecretHasher.Verify(password, stored.PasswordHash ?? SecretHasher.Decoy))
        {
            var after = await store.Accounts.RecordFailedSignInAsync(stored.Account.Name, lockout.Attempts, now + lockout.Duration, cancellationToken);
            return after?.LockedUntil is { } lockedUntil && lockedUntil > now ? new SignInOutcome.LockedOut(lockedUntil) : new SignInOutcome.Refused();
        }

        if (stored.FailedSignIns > 0)
        {
            await store.Accounts.RecordSignInAsync(stored.Account.Name, cancellationToken);
        }

        return new SignInOutcome.SignedIn(stored.Account, now);
    }

    /// <summary>The account an API token acts as; null when the token is malformed, unknown, wrong or expired, or its account disabled.</summary>
    public async Task<Account?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (ApiToken.Parse(token) is not { } parsed
            || await store.Accounts.FindTokenAsync(parsed.Id, cancellationToken) is not { } stored
            || stored.ExpiresAt <= time.GetUtcNow()
            || !SecretHasher.Verify(parsed.Secret, stored.SecretHash))
        {
            return null;
        }

        return await store.Accounts.FindAsync(stored.AccountName, cancellationToken) is { DisabledAt: null } account ? account.Account : null;
    }

    /// <summary>
    /// Whether a session signed in as <paramref name="name"/> at <paramref name="signedInAt"/> still holds: the account
    /// exists, is not disabled, and its sessions were not ended since (by a new password or an administrator).
    /// </summary>
    public async Task<bool> SessionHoldsAsync(string name, DateTimeOffset signedInAt, CancellationToken cancellationToken = default) =>
        await store.Accounts.FindAsync(name, cancellationToken) is { DisabledAt: null } stored
        && (stored.SessionsEndedAt is not { } ended || HistoryEntry.Normalize(signedInAt) > ended); // the store keeps microseconds

    /// <summary>Ends every session of the account now (a lost laptop, a shared screen); its password and tokens keep working.</summary>
    public async Task<FieldError?> EndSessionsAsync(string name, CancellationToken cancellationToken = default) =>
        await store.Accounts.EndSessionsAsync(name, time.GetUtcNow(), cancellationToken) ? null : NoSuchAccount(name);

    /// <summary>A new API token for an existing, enabled account, shown once; or why not.</summary>
    public async Task<SecretIssue> IssueTokenAsync(string name, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (await FindEnabledAsync(name, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (secret, token) = NewToken(name, time.GetUtcNow(), lifetime);
        return await store.Accounts.AddTokenAsync(token, cancellationToken)
            ? new SecretIssue.Issued(name, secret, token.ExpiresAt)
            : new SecretIssue.Refused(NoSuchAccount(name));
    }

    /// <summary>
    /// A new one-time password for a person's account, shown once; the old one stops working, and any lockout and every
    /// session signed in with it end. A script's account has no password to reset.
    /// </summary>
    public async Task<SecretIssue> ResetPasswordAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await FindEnabledAsync(name, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var password = NewPassword();
        return await store.Accounts.SetPasswordAsync(name, SecretHasher.HashPassword(password), time.GetUtcNow(), cancellationToken)
            ? new SecretIssue.Issued(name, password, null)
            : new SecretIssue.Refused(new FieldError("name", $"'{name}' is a script's account: it has API tokens, not a password"));
    }

    /// <summary>Every account as an administrator sees it, by name: what it is, its lockout, its tokens' expiry, whether disabled.</summary>
    public async Task<IReadOnlyList<AccountListing>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expiries = await store.Accounts.LatestTokenExpiriesAsync(cancellationToken);
        return
        [
            .. (await store.Accounts.ListAsync(cancellationToken)).Select(stored => new AccountListing(
                stored.Account,
                stored.PasswordHash is null ? AccountKind.Script : AccountKind.Person,
                stored.CreatedAt,
                stored.LockedUntil is { } until && until > now ? until : null,
                expiries.TryGetValue(stored.Account.Name, out var expires) ? expires : null,
                stored.DisabledAt)),
        ];
    }

    /// <summary>Ends a lockout before its time; null when done, else why not.</summary>
    public async Task<FieldError?> UnlockAsync(string name, CancellationToken cancellationToken = default) =>
        await store.Accounts.UnlockAsync(name, cancellationToken) ? null : NoSuchAccount(name);

    /// <summary>
    /// Disables an account: it no longer signs in or uses its tokens, and its sessions end at their next request. Nobody
    /// disables their own account (<paramref name="by"/>), so an administrator cannot lock themselves out by mistake.
    /// </summary>
    public async Task<FieldError?> DisableAsync(string name, string by, CancellationToken cancellationToken = default)
    {
        if (AccessRules.SamePerson(name, by))
        {
            return new FieldError("name", "you cannot disable your own account: another administrator can");
        }

        return await store.Accounts.SetDisabledAsync(name, time.GetUtcNow(), cancellationToken) ? null : NoSuchAccount(name);
    }

    /// <summary>Enables a disabled account again; its password and tokens work as before.</summary>
    public async Task<FieldError?> EnableAsync(string name, CancellationToken cancellationToken = default) =>
        await store.Accounts.SetDisabledAsync(name, null, cancellationToken) ? null : NoSuchAccount(name);

    private async Task<SecretIssue.Refused?> FindEnabledAsync(string name, CancellationToken cancellationToken) =>
        await store.Accounts.FindAsync(name, cancellationToken) switch
        {
            null => new SecretIssue.Refused(NoSuchAccount(name)),
            { DisabledAt: not null } => new SecretIssue.Refused(new FieldError("name", $"'{name}' is disabled: enable it first")),
            _ => null,
        };

    /// <summary>The refusal when no account is named <paramref name="name"/>.</summary>
    public static FieldError NoSuchAccount(string name) => new("name", $"no account named '{name}'");

    private static (string Secret, StoredToken Token) NewToken(string account, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = ApiToken.New();
        return (token.ToString(), new StoredToken(token.Id, account, SecretHasher.HashToken(token.Secret), now, now + lifetime));
    }

    // 20 characters of a 56-letter alphabet without look-alikes: about 116 bits.
    private static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What creating an account came to.</summary>
public abstract record AccountCreation
{
    private AccountCreation()
    {
    }

    /// <summary>Created; <paramref name="Secret"/> is shown this once and kept nowhere.</summary>
    public sealed record Created(Account Account, string Secret, DateTimeOffset? TokenExpiresAt) : AccountCreation;

    public sealed record Rejected(IReadOnlyList<FieldError> Errors) : AccountCreation;
}
