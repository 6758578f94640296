using Governance.Application.Browsing;
using Governance.Domain.Identity;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages;

/// <summary>The fleet at a glance for leaders: services by tier and exposure, remediation progress, the latest audit and what changed, the riskiest services and the critical-path hubs.</summary>
[Authorize(Policy = Access.Read)]
public sealed class IndexModel(StoreHolder holder, TimeProvider time) : PageModel
{
    public FleetOverview Overview { get; private set; } = null!;

    public string RiskByTierChart { get; private set; } = string.Empty;

    /// <summary>Whether the signed-in person may download the fleet workbook (leaders and administrators).</summary>
    public bool CanExport => AccountClaims.AccountOf(User) is { } account && AccessRules.CanExport(account);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Overview";
        ViewData["Section"] = "overview";
        Overview = await FleetOverview.LoadAsync(holder.Store, time, cancellationToken: cancellationToken);
        RiskByTierChart = FleetCharts.RiskByTier(Overview.LatestAudit);
    }
}
