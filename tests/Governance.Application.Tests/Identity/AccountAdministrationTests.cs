using Governance.Application.Identity;
using Governance.Domain;
using Governance.Domain.History;
using Governance.Domain.Identity;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Identity;

/// <summary>What an administrator does to local accounts, on a real store: list, unlock, new secrets, end sessions, disable and enable.</summary>
public abstract class AccountAdministrationTests : StoreTestBase
{
    private static readonly LockoutPolicy Lockout = new(2, TimeSpan.FromMinutes(10));

    private LocalAccounts Accounts => new(Store, Clock, Lockout);

    [Fact]
    public async Task The_list_says_what_each_account_is_its_running_lockout_and_its_latest_token_expiry()
    {
        var created = Normalized(Clock.GetUtcNow());
        await CreateAsync(new NewAccount("priya", Roles(Role.Owner), Team: "team-a"));
        await CreateAsync(new NewAccount("ci-bot", Roles(Role.Viewer), Script: true), TimeSpan.FromDays(3));
        await Accounts.IssueTokenAsync("ci-bot", TimeSpan.FromDays(30));
        await Accounts.IssueTokenAsync("ci-bot", TimeSpan.FromDays(7));
        await Accounts.SignInAsync("priya", "one");
        await Accounts.SignInAsync("priya", "two");

        var listed = await Accounts.ListAsync();
        Clock.Advance(TimeSpan.FromMinutes(11));
        var afterTheLock = await Accounts.ListAsync();

        Assert.Equal(
            [
                new AccountListing(new Account("ci-bot", Roles(Role.Viewer)), AccountKind.Script, created, null, Normalized(created + TimeSpan.FromDays(30)), null),
                new AccountListing(new Account("priya", Roles(Role.Owner), "team-a"), AccountKind.Person, created, Normalized(created + TimeSpan.FromMinutes(10)), null, null),
            ],
            listed,
            ListingComparer.Instance);
        Assert.Null(afterTheLock.Single(account => account.Account.Name == "priya").LockedUntil);
    }

    [Fact]
    public async Task Unlocking_ends_a_lockout_at_once_and_an_unknown_name_is_refused()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));
        await Accounts.SignInAsync("priya", "one");
        Assert.IsType<SignInOutcome.LockedOut>(await Accounts.SignInAsync("priya", "two"));

        var unlocked = await Accounts.UnlockAsync("priya");
        var unknown = await Accounts.UnlockAsync("nobody");

        Assert.Null(unlocked);
        Assert.IsType<SignInOutcome.SignedIn>(await Accounts.SignInAsync("priya", priya.Secret));
        Assert.Equal(new FieldError("name", "no account named 'nobody'"), unknown);
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_a_script_has_none_to_reset()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));
        await CreateAsync(new NewAccount("ci-bot", Roles(Role.Viewer), Script: true));

        var reset = Assert.IsType<SecretIssue.Issued>(await Accounts.ResetPasswordAsync("priya"));
        var script = await Accounts.ResetPasswordAsync("ci-bot");

        Assert.Equal(("priya", 20, (DateTimeOffset?)null), (reset.Name, reset.Secret.Length, reset.ExpiresAt));
        Assert.IsType<SignInOutcome.Refused>(await Accounts.SignInAsync("priya", priya.Secret));
        Assert.IsType<SignInOutcome.SignedIn>(await Accounts.SignInAsync("priya", reset.Secret));
        Assert.Equal(new FieldError("name", "'ci-bot' is a script's account: it has API tokens, not a password"), Assert.IsType<SecretIssue.Refused>(script).Error);
        Assert.DoesNotContain((await Store.Accounts.ListAsync()).Select(stored => stored.PasswordHash), hash => hash?.Contains(reset.Secret, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_signed_in_before_it_and_not_those_after()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));
        var before = Assert.IsType<SignInOutcome.SignedIn>(await Accounts.SignInAsync("priya", priya.Secret)).At;
        Clock.Advance(TimeSpan.FromMinutes(1));

        var reset = Assert.IsType<SecretIssue.Issued>(await Accounts.ResetPasswordAsync("priya"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var after = Assert.IsType<SignInOutcome.SignedIn>(await Accounts.SignInAsync("priya", reset.Secret)).At;

        Assert.False(await Accounts.SessionHoldsAsync("priya", before));
        Assert.True(await Accounts.SessionHoldsAsync("priya", after));
    }

    [Fact]
    public async Task Ending_sessions_signs_an_account_out_everywhere_and_keeps_its_password()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));
        var before = Assert.IsType<SignInOutcome.SignedIn>(await Accounts.SignInAsync("priya", priya.Secret)).At;

        Assert.Null(await Accounts.EndSessionsAsync("priya"));
        Assert.Equal(new FieldError("name", "no account named 'nobody'"), await Accounts.EndSessionsAsync("nobody"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var after = Assert.IsType<SignInOutcome.SignedIn>(await Accounts.SignInAsync("priya", priya.Secret)).At;

        // Signed in at the same microsecond as the ending counts as before it: the safe side.
        Assert.False(await Accounts.SessionHoldsAsync("priya", before));
        Assert.True(await Accounts.SessionHoldsAsync("priya", after));
    }

    [Fact]
    public async Task A_disabled_account_neither_signs_in_nor_uses_its_tokens_until_it_is_enabled_again()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));
        var bot = await CreateAsync(new NewAccount("ci-bot", Roles(Role.Viewer), Script: true));

        Assert.Null(await Accounts.DisableAsync("priya", "user:ada"));
        Assert.Null(await Accounts.DisableAsync("ci-bot", "user:ada"));
        var disabledAt = Normalized(Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await Accounts.DisableAsync("priya", "user:ada"));

        Assert.IsType<SignInOutcome.Refused>(await Accounts.SignInAsync("priya", priya.Secret));
        Assert.Null(await Accounts.AuthenticateTokenAsync(bot.Secret));
        Assert.False(await Accounts.SessionHoldsAsync("priya", Clock.GetUtcNow()));
        Assert.Equal(new FieldError("name", "'ci-bot' is disabled: enable it first"), Assert.IsType<SecretIssue.Refused>(await Accounts.IssueTokenAsync("ci-bot", TimeSpan.FromDays(1))).Error);
        Assert.Equal(new FieldError("name", "'priya' is disabled: enable it first"), Assert.IsType<SecretIssue.Refused>(await Accounts.ResetPasswordAsync("priya")).Error);
        Assert.Equal([disabledAt, disabledAt], (await Accounts.ListAsync()).Select(listed => listed.DisabledAt));

        Assert.Null(await Accounts.EnableAsync("priya"));
        Assert.Null(await Accounts.EnableAsync("ci-bot"));

        Assert.IsType<SignInOutcome.SignedIn>(await Accounts.SignInAsync("priya", priya.Secret));
        Assert.Equal("ci-bot", (await Accounts.AuthenticateTokenAsync(bot.Secret))?.Name);
        Assert.True(await Accounts.SessionHoldsAsync("priya", Clock.GetUtcNow()));
        Assert.False(await Accounts.SessionHoldsAsync("nobody", Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Nobody_disables_their_own_account_or_one_that_does_not_exist()
    {
        await CreateAsync(new NewAccount("ada", Roles(Role.Administrator)));

        Assert.Equal(new FieldError("name", "you cannot disable your own account: another administrator can"), await Accounts.DisableAsync("ada", "user:ada"));
        Assert.Equal(new FieldError("name", "no account named 'nobody'"), await Accounts.DisableAsync("nobody", "user:ada"));
        Assert.Equal(new FieldError("name", "no account named 'nobody'"), await Accounts.EnableAsync("nobody"));
        Assert.Equal(new FieldError("name", "no account named 'nobody'"), Assert.IsType<SecretIssue.Refused>(await Accounts.IssueTokenAsync("nobody", TimeSpan.FromDays(1))).Error);
        Assert.True(await Accounts.SessionHoldsAsync("ada", Clock.GetUtcNow()));
    }

    private async Task<AccountCreation.Created> CreateAsync(NewAccount account, TimeSpan? tokenLifetime = null) =>
        Assert.IsType<AccountCreation.Created>(await Accounts.AddAsync(account, tokenLifetime ?? TimeSpan.FromDays(1)));

    // The store keeps times to the microsecond.
    private static DateTimeOffset Normalized(DateTimeOffset time) => HistoryEntry.Normalize(time);

    private static HashSet<Role> Roles(params Role[] roles) => [.. roles];

    // Accounts hold their roles in a set, which a record compares by reference.
    private sealed class ListingComparer : IEqualityComparer<AccountListing>
    {
        public static readonly ListingComparer Instance = new();

        public bool Equals(AccountListing? x, AccountListing? y) =>
            x is not null && y is not null && x.Account.Roles.SetEquals(y.Account.Roles)
            && x.Account with { Roles = y.Account.Roles } == y.Account && x with { Account = y.Account } == y;

        public int GetHashCode(AccountListing listing) => listing.Account.Name.GetHashCode(StringComparison.Ordinal);
    }
}
