using Governance.Domain.Audit;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage.Audits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages;

/// <summary>The fleet at a glance: how many services, the latest audit and what changed since the one before, the riskiest services.</summary>
[Authorize(Policy = Access.Read)]
public sealed class IndexModel(StoreHolder holder) : PageModel
{
    private const int RiskiestShown = 10;

    public long Services { get; private set; }

    public CompletedAudit? Latest { get; private set; }

    public AuditRunDiff? Diff { get; private set; }

    public IReadOnlyList<RiskProfile> Riskiest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var store = holder.Store;
        Services = (await store.GetStatisticsAsync(cancellationToken)).Services;
        Latest = await store.Audits.GetAuditAsync(cancellationToken: cancellationToken);
        Diff = Latest is null ? null : await store.Audits.GetAuditDiffAsync(Latest.Run.Id, cancellationToken);
        Riskiest = Latest?.Result.Profiles.Where(profile => profile.Score > 0).OrderByDescending(profile => profile.Score).ThenBy(profile => profile.ServiceId, StringComparer.Ordinal).Take(RiskiestShown).ToList() ?? [];
    }
}
