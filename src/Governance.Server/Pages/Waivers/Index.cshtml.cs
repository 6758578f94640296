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
    public IReadOnlyList<WaiverRow> Requested { get; private set; } = [];

    public IReadOnlyList<WaiverRow> Expiring { get; private set; } = [];

    public IReadOnlyList<WaiverRow> Expired { get; private set; } = [];

    public int Active { get; private set; }

    public Account Caller => AccountClaims.AccountOf(User)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Waivers";
        ViewData["Section"] = "waivers";
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await WaiverRow.ListAsync(holder.Store, cancellationToken);
        Requested = [.. rows.Where(row => row.IsRequested)];
        Expiring = [.. rows.Where(row => row.IsExpiring(today)).OrderBy(row => row.Waiver.Expires)];
        Expired = [.. rows.Where(row => row.IsExpired(today)).OrderByDescending(row => row.Waiver.Expires)];
        Active = rows.Count(row => row.Waiver.Status == Domain.Catalog.WaiverStatus.Approved && row.Waiver.AppliesOn(today));
    }
}
