using System.CommandLine;
using Governance.Application.Identity;
using Governance.Cli.Infrastructure;
using Governance.Domain;
using Governance.Domain.Identity;

namespace Governance.Cli.Identity;

/// <summary><c>governance users add|list|token|password|end-sessions|unlock|disable|enable</c>: the server's local accounts, kept in the store.</summary>
public sealed class UsersCommand
{
    private readonly Argument<string> _name = new("name") { Description = "The sign-in name: lower-case letters, digits, '.', '-', '_'" };

    private readonly Option<string[]> _roles = new("--role")
    {
        Description = "viewer, owner, approver, leader or administrator; repeat it (or separate with commas) for several",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _team = new("--team") { Description = "The team whose services an owner edits, or an approver decides for" };

    private readonly Option<int?> _tier = new("--tier") { Description = "The tier (0-3) an approver decides for" };

    private readonly Option<bool> _script = new("--script") { Description = "An account for a script: it gets an API token instead of a password" };

    private readonly Option<int> _days = new("--days") { Description = "How many days an API token works", DefaultValueFactory = _ => (int)LocalAccounts.DefaultTokenLifetime.TotalDays };

    public static Command Create(CommandBinder binder) => new UsersCommand().Build(binder);

    private Command Build(CommandBinder binder) => new("users", "The server's local accounts: who may sign in, with which roles")
    {
        binder.Bind(new Command("add", "Create an account and print its one-time password (or, with --script, its API token)") { _name, _roles, _team, _tier, _script, _days }, AddAsync),
        binder.Bind(new Command("list", "List the accounts: roles, team, tier, person or script, lockout, token expiry, disabled"), ListAsync),
        binder.Bind(new Command("token", "Issue another API token for an account") { _name, _days }, TokenAsync),
        binder.Bind(new Command("password", "Give a person's account a new one-time password (the old one stops working, a lockout and its sessions end)") { _name }, PasswordAsync),
        binder.Bind(new Command("end-sessions", "Sign an account out of the web pages everywhere; its password and tokens keep working") { _name }, Change((run, accounts, name) => accounts.EndSessionsAsync(name, run.CancellationToken), "Ended the sessions of")),
        binder.Bind(new Command("unlock", "End an account's sign-in lockout now") { _name }, Change((run, accounts, name) => accounts.UnlockAsync(name, run.CancellationToken), "Unlocked")),
        binder.Bind(new Command("disable", "Disable an account: no sign-in, no API tokens, its sessions end") { _name }, Change((run, accounts, name) => accounts.DisableAsync(name, run.Actor, run.CancellationToken), "Disabled")),
        binder.Bind(new Command("enable", "Enable a disabled account again") { _name }, Change((run, accounts, name) => accounts.EnableAsync(name, run.CancellationToken), "Enabled")),
    };

    private async Task<int> AddAsync(Invocation run)
    {
        var request = new NewAccount(run.Get(_name)!.Trim(), ParseRoles(run.Get(_roles) ?? []), run.Get(_team), run.Get(_tier), run.Get(_script));
        await using var store = await run.OpenStoreAsync();
        var accounts = new LocalAccounts(store, run.Context.Time, LockoutPolicy.Default);
        switch (await accounts.AddAsync(request, Days(run), run.CancellationToken))
        {
            case AccountCreation.Created created when run.Json:
                run.WriteJson(new { created.Account.Name, Roles = created.Account.Roles.Order(), created.Account.Team, created.Account.Tier, created.Secret, created.TokenExpiresAt });
                break;
            case AccountCreation.Created created:
                run.Context.Console.WriteLine($"Created {Describe(created.Account)}.");
                run.Context.Console.WriteLine(created.TokenExpiresAt is { } expires
                    ? $"API token (works until {expires:yyyy-MM-dd}; shown once, only its hash is kept): {created.Secret}"
                    : $"One-time password (shown once, only its hash is kept): {created.Secret}");
                break;
            case AccountCreation.Rejected rejected:
                throw new CliException(ExitCodes.InvalidInput, string.Join("; ", rejected.Errors.Select(error => $"--{error.Field}: {error.Message}")));
        }

        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(Invocation run)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var accounts = await new LocalAccounts(store, run.Context.Time, LockoutPolicy.Default).ListAsync(run.CancellationToken);
        if (run.Json)
        {
            run.WriteJson(accounts.Select(listed => new
            {
                listed.Account.Name,
                Roles = listed.Account.Roles.Order(),
                listed.Account.Team,
                listed.Account.Tier,
                Kind = listed.Kind.ToString().ToLowerInvariant(),
                listed.LockedUntil,
                listed.TokenExpiresAt,
                listed.DisabledAt,
                listed.CreatedAt,
            }));
            return ExitCodes.Success;
        }

        foreach (var listed in accounts)
        {
            var notes = new[]
            {
                listed.Kind == AccountKind.Script ? "script" : null,
                listed.DisabledAt is { } disabled ? $"disabled since {disabled:yyyy-MM-dd}" : null,
                listed.LockedUntil is { } until ? $"locked until {until:yyyy-MM-dd HH:mm}Z" : null,
                listed.TokenExpiresAt is { } expires ? $"token until {expires:yyyy-MM-dd}" : null,
            };
            run.Context.Console.WriteLine($"{Describe(listed.Account)}{string.Concat(notes.OfType<string>().Select(note => $", {note}"))}");
        }

        run.Context.Console.WriteLine($"{accounts.Count} account(s).");
        return ExitCodes.Success;
    }

    private async Task<int> TokenAsync(Invocation run)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var accounts = new LocalAccounts(store, run.Context.Time, LockoutPolicy.Default);
        var name = run.Get(_name)!.Trim();
        var issued = Issued(await accounts.IssueTokenAsync(name, Days(run), run.CancellationToken), name);
        run.Context.Console.WriteLine($"API token for {issued.Name} (works until {issued.ExpiresAt:yyyy-MM-dd}; shown once, only its hash is kept): {issued.Secret}");
        return ExitCodes.Success;
    }

    private async Task<int> PasswordAsync(Invocation run)
    {
        await using var store = await run.OpenExistingStoreAsync();
        var accounts = new LocalAccounts(store, run.Context.Time, LockoutPolicy.Default);
        var name = run.Get(_name)!.Trim();
        var issued = Issued(await accounts.ResetPasswordAsync(name, run.CancellationToken), name);
        run.Context.Console.WriteLine($"New one-time password for {issued.Name} (shown once, only its hash is kept): {issued.Secret}");
        return ExitCodes.Success;
    }

    private Func<Invocation, Task<int>> Change(Func<Invocation, LocalAccounts, string, Task<FieldError?>> change, string done) => async run =>
    {
        var name = run.Get(_name)!.Trim();
        await using var store = await run.OpenExistingStoreAsync();
        if (await change(run, new LocalAccounts(store, run.Context.Time, LockoutPolicy.Default), name) is { } error)
        {
            throw Refusal(name, error);
        }

        run.Context.Console.WriteLine($"{done} {name}.");
        return ExitCodes.Success;
    };

    private static SecretIssue.Issued Issued(SecretIssue issue, string name) => issue switch
    {
        SecretIssue.Issued issued => issued,
        SecretIssue.Refused { Error: var error } => throw Refusal(name, error),
        _ => throw new InvalidOperationException("a secret issue was not handled"),
    };

    // An unknown name is not found; any other refusal is input the rules do not accept.
    private static CliException Refusal(string name, FieldError error) =>
        error == LocalAccounts.NoSuchAccount(name)
            ? new CliException(ExitCodes.NotFound, $"{error.Message} (governance users list)")
            : new CliException(ExitCodes.InvalidInput, error.Message);

    private TimeSpan Days(Invocation run) => run.Get(_days) is > 0 and var days
        ? TimeSpan.FromDays(days)
        : throw new CliException(ExitCodes.Usage, $"--days must be a positive number of days, was {run.Get(_days)}");

    private static HashSet<Role> ParseRoles(IEnumerable<string> values)
    {
        var roles = new HashSet<Role>();
        foreach (var name in values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            roles.Add(Enum.TryParse<Role>(name, ignoreCase: true, out var role) && Enum.IsDefined(role)
                ? role
                : throw new CliException(ExitCodes.Usage, $"--role '{name}' is not a role: viewer, owner, approver, leader or administrator"));
        }

        return roles;
    }

    private static string Describe(Account account)
    {
        var scope = string.Join(string.Empty, new[] { account.Team is { } team ? $", team {team}" : null, account.Tier is { } tier ? $", tier {tier}" : null });
        return $"{account.Name} ({string.Join(", ", account.Roles.Order().Select(role => role.ToString().ToLowerInvariant()))}{scope})";
    }
}
