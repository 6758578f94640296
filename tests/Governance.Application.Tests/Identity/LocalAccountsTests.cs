using Governance.Application.Identity;
using Governance.Domain;
using Governance.Domain.Identity;
using Governance.Storage.Tests.Support;

namespace Governance.Application.Tests.Identity;

/// <summary>Local accounts on a real store: secrets shown once and kept as salted hashes, lockout, tokens that expire.</summary>
public abstract class LocalAccountsTests : StoreTestBase
{
    private static readonly LockoutPolicy Lockout = new(3, TimeSpan.FromMinutes(10));

    private LocalAccounts Accounts => new(Store, Clock, Lockout);

    [Fact]
    public async Task A_person_gets_a_password_that_signs_them_in_and_only_its_salted_hash_is_stored()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Owner), Team: "team-a"));
        var sam = await CreateAsync(new NewAccount("sam", Roles(Role.Owner), Team: "team-a"));

        var signedIn = await Accounts.SignInAsync("Priya", priya.Secret);

        Assert.Equal(new Account("priya", Roles(Role.Owner), "team-a").Actor, Assert.IsType<SignInOutcome.SignedIn>(signedIn).Account.Actor);
        Assert.Equal([Role.Owner], ((SignInOutcome.SignedIn)signedIn).Account.Roles);
        Assert.Equal(20, priya.Secret.Length);
        var hashes = (await Store.Accounts.ListAsync()).Select(stored => stored.PasswordHash!).ToList();
        Assert.All(hashes, hash => Assert.StartsWith("pbkdf2-sha256$100000$", hash, StringComparison.Ordinal));
        Assert.DoesNotContain(hashes, hash => hash.Contains(priya.Secret, StringComparison.Ordinal) || hash.Contains(sam.Secret, StringComparison.Ordinal));
        Assert.NotEqual(hashes[0].Split('$')[2], hashes[1].Split('$')[2]);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_answer()
    {
        await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));

        Assert.IsType<SignInOutcome.Refused>(await Accounts.SignInAsync("priya", "guess"));
        Assert.IsType<SignInOutcome.Refused>(await Accounts.SignInAsync("nobody", "guess"));
    }

    [Fact]
    public async Task The_third_failure_in_a_row_locks_the_account_even_against_the_right_password_until_the_lock_ends()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));
        await Accounts.SignInAsync("priya", "one");
        await Accounts.SignInAsync("priya", "two");

        var third = await Accounts.SignInAsync("priya", "three");
        var rightButLocked = await Accounts.SignInAsync("priya", priya.Secret);
        Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var afterTheLock = await Accounts.SignInAsync("priya", priya.Secret);

        // Ten minutes after the fake clock's start, as the store keeps times: to the microsecond.
        var until = new DateTimeOffset(2025, 4, 1, 9, 40, 0, TimeSpan.Zero).AddTicks(1_234_560);
        Assert.Equal(until, Assert.IsType<SignInOutcome.LockedOut>(third).Until);
        Assert.Equal(until, Assert.IsType<SignInOutcome.LockedOut>(rightButLocked).Until);
        Assert.IsType<SignInOutcome.SignedIn>(afterTheLock);
    }

    [Fact]
    public async Task A_success_clears_the_failures_before_it()
    {
        var priya = await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));
        await Accounts.SignInAsync("priya", "one");
        await Accounts.SignInAsync("priya", "two");
        await Accounts.SignInAsync("priya", priya.Secret);

        await Accounts.SignInAsync("priya", "three");
        var fourth = await Accounts.SignInAsync("priya", "four");

        Assert.IsType<SignInOutcome.Refused>(fourth);
    }

    [Fact]
    public async Task A_script_gets_a_token_that_works_until_it_expires_and_no_password()
    {
        var bot = await CreateAsync(new NewAccount("ci-bot", Roles(Role.Owner, Role.Approver), Team: "team-a", Script: true));

        var now = await Accounts.AuthenticateTokenAsync(bot.Secret);
        Clock.Advance(TimeSpan.FromDays(2));
        var expired = await Accounts.AuthenticateTokenAsync(bot.Secret);

        Assert.Equal(Clock.GetUtcNow() - TimeSpan.FromDays(1), bot.TokenExpiresAt);
        Assert.Equal(("ci-bot", "team-a"), (now?.Name, now?.Team));
        Assert.Null(expired);
        Assert.IsType<SignInOutcome.Refused>(await Accounts.SignInAsync("ci-bot", bot.Secret));
        Assert.StartsWith("sha256$", (await Store.Accounts.FindTokenAsync(bot.Secret.Split('_')[1]))!.SecretHash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("gov_")]
    [InlineData("gov_abc")]
    [InlineData("gov_abc_wrong")]
    [InlineData("Bearer something")]
    public async Task A_malformed_unknown_or_wrong_token_authenticates_nobody(string token)
    {
        var bot = await CreateAsync(new NewAccount("ci-bot", Roles(Role.Viewer), Script: true));
        var wrongSecret = string.Join('_', bot.Secret.Split('_')[..2]) + "_wrong";

        Assert.Null(await Accounts.AuthenticateTokenAsync(token));
        Assert.Null(await Accounts.AuthenticateTokenAsync(wrongSecret));
    }

    [Fact]
    public async Task An_account_that_breaks_the_rules_or_is_taken_is_refused_naming_the_field_and_nothing_is_added()
    {
        await CreateAsync(new NewAccount("priya", Roles(Role.Viewer)));

        var taken = await Accounts.AddAsync(new NewAccount("priya", Roles(Role.Viewer)), TimeSpan.FromDays(1));
        var invalid = await Accounts.AddAsync(new NewAccount("Priya S", Roles(Role.Owner, Role.Approver), Tier: 7), TimeSpan.FromDays(1));
        var roleless = await Accounts.AddAsync(new NewAccount("sam", Roles()), TimeSpan.FromDays(1));

        Assert.Equal([new FieldError("name", "an account named 'priya' exists already")], Assert.IsType<AccountCreation.Rejected>(taken).Errors);
        Assert.Equal(
            [
                new FieldError("name", "must be 1 to 64 lower-case letters, digits, '.', '-' or '_', was 'Priya S'"),
                new FieldError("team", "an owner owns the services of a team: name it"),
                new FieldError("tier", "must be between 0 and 3, was 7"),
            ],
            Assert.IsType<AccountCreation.Rejected>(invalid).Errors);
        Assert.Equal([new FieldError("role", "at least one role is required: viewer, owner, approver, leader or administrator")], Assert.IsType<AccountCreation.Rejected>(roleless).Errors);
        Assert.Equal(["priya"], (await Store.Accounts.ListAsync()).Select(stored => stored.Account.Name));
    }

    private async Task<AccountCreation.Created> CreateAsync(NewAccount account) =>
        Assert.IsType<AccountCreation.Created>(await Accounts.AddAsync(account, TimeSpan.FromDays(1)));

    private static HashSet<Role> Roles(params Role[] roles) => [.. roles];
}
