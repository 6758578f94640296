using System.Globalization;
using Governance.Application.Identity;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Governance.Server.Pages;

/// <summary>The sign-in form of local accounts, and the way to the organisation's authority when one is configured.</summary>
[AllowAnonymous]
public sealed class SignInModel(ServerAccounts accounts, IOptions<IdentityOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public bool LocalAccounts => options.Value.LocalAccounts;

    public bool OpenIdConnect => options.Value.HasOpenIdConnect;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!LocalAccounts)
        {
            return NotFound();
        }

        switch (await accounts.Accounts.SignInAsync(Name ?? string.Empty, Password ?? string.Empty, cancellationToken))
        {
            case SignInOutcome.SignedIn signedIn:
                var principal = AccountClaims.Session(signedIn.Account, signedIn.At, CookieAuthenticationDefaults.AuthenticationScheme);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
                return LocalRedirect(SafeReturnUrl);
            case SignInOutcome.LockedOut locked:
                Error = $"Too many failed sign-ins: this account is locked until {locked.Until.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC.";
                return Page();
            default:
                Error = "The name or the password is wrong.";
                return Page();
        }
    }

    public IActionResult OnPostAuthority() => OpenIdConnect
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
