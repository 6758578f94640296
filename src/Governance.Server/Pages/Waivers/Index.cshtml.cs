using Governance.Application.Browsing;
using Governance.Domain.Identity;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Waivers;

/// <summary>The fleet's waivers: requests awaiting a decision, approved ones about to expire, and expired ones.</summary>
[Authorize(Policy = Access.Read)]
public sealed class IndexModel(StoreHolder holder, TimeProvider time) : PageModel
{
    public FleetWaivers Waivers { get; private set; } = new([], [], [], 0);

    public Account Caller => AccountClaims.AccountOf(User)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Waivers";
        ViewData["Section"] = "waivers";
        Waivers = await FleetWaivers.LoadAsync(holder.Store, time, cancellationToken);
    }
}
