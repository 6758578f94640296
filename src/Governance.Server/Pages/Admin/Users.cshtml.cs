using Governance.Application.Identity;
using Governance.Domain;
using Governance.Domain.Identity;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Governance.Server.Pages.Admin;

/// <summary>
/// The local accounts: the list, the form that adds one, and what an administrator does to one (unlock, a new password
/// or token, end its sessions, disable, enable). The rules are the identity use cases' (the CLI's too); this page only shows their answers.
/// A new secret is shown in the answer to the form that asked for it, once: never stored, never put in a cookie.
/// </summary>
[Authorize(Policy = Access.Administer)]
public sealed class UsersModel(ServerAccounts accounts, IOptions<IdentityOptions> identity, TimeProvider time) : PageModel
{
    /// <summary>Now, to tell a token that still works from one that expired.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    public IReadOnlyList<AccountListing> Accounts { get; private set; } = [];

    /// <summary>The secret just issued, shown on this answer only.</summary>
    public SecretIssue.Issued? Issued { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public AddForm Add { get; set; } = new();

    public bool UsesLocalAccounts => identity.Value.LocalAccounts;

    public Account Caller => AccountClaims.AccountOf(User)!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        // Only what binding could not read is checked here (a tier that is not a number); the use case checks the rest.
        if (ModelState.IsValid)
        {
            var request = new NewAccount((Add.Name ?? string.Empty).Trim(), Add.Roles.ToHashSet(), Add.Team, Add.Tier, Add.Kind == AccountKind.Script);
            switch (await accounts.Accounts.AddAsync(request, LocalAccounts.DefaultTokenLifetime, cancellationToken))
            {
                case AccountCreation.Created created:
                    Issued = new SecretIssue.Issued(created.Account.Name, created.Secret, created.TokenExpiresAt);
                    Add = new AddForm();
                    ModelState.Clear();
                    break;
                case AccountCreation.Rejected rejected:
                    AddErrors(rejected.Errors);
                    break;
            }
        }

        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostTokenAsync(string account, CancellationToken cancellationToken) =>
        await ShowAsync(await accounts.Accounts.IssueTokenAsync(account, LocalAccounts.DefaultTokenLifetime, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPasswordAsync(string account, CancellationToken cancellationToken) =>
        await ShowAsync(await accounts.Accounts.ResetPasswordAsync(account, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostEndSessionsAsync(string account, CancellationToken cancellationToken) =>
        await ChangedAsync(await accounts.Accounts.EndSessionsAsync(account, cancellationToken), $"Ended the sessions of {account}: it signs in again on its next page.", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string account, CancellationToken cancellationToken) =>
        await ChangedAsync(await accounts.Accounts.UnlockAsync(account, cancellationToken), $"Unlocked {account}: it may sign in again now.", cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(string account, CancellationToken cancellationToken) =>
        await ChangedAsync(await accounts.Accounts.DisableAsync(account, Caller.Actor, cancellationToken), $"Disabled {account}: it no longer signs in or uses its tokens, and its sessions have ended.", cancellationToken);

    public async Task<IActionResult> OnPostEnableAsync(string account, CancellationToken cancellationToken) =>
        await ChangedAsync(await accounts.Accounts.EnableAsync(account, cancellationToken), $"Enabled {account}.", cancellationToken);

    private async Task<IActionResult> ShowAsync(SecretIssue issue, CancellationToken cancellationToken)
    {
        switch (issue)
        {
            case SecretIssue.Issued issued:
                Issued = issued;
                break;
            case SecretIssue.Refused refused:
                AddErrors([refused.Error]);
                break;
        }

        return await ShowAsync(cancellationToken);
    }

    // A change without a secret is redirected after, so that reloading the page does not send it again.
    private async Task<IActionResult> ChangedAsync(FieldError? error, string notice, CancellationToken cancellationToken)
    {
        if (error is not null)
        {
            AddErrors([error]);
            return await ShowAsync(cancellationToken);
        }

        Notice = notice;
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (Issued is not null)
        {
            // The one answer that holds the secret is kept by no cache.
            Response.Headers.CacheControl = "no-store";
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Users";
        ViewData["Section"] = "admin";
        Accounts = await accounts.Accounts.ListAsync(cancellationToken);
    }

    private void AddErrors(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }
    }

    /// <summary>A new account as the form sends it; the use case checks every value.</summary>
    public sealed class AddForm
    {
        public string? Name { get; set; }

        public List<Role> Roles { get; set; } = [];

        public string? Team { get; set; }

        public int? Tier { get; set; }

        public AccountKind Kind { get; set; } = AccountKind.Person;
    }
}
