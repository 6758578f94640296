using Governance.Domain.Catalog;
using Governance.Domain.Identity;
using Governance.Domain.Remediation;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Work;

/// <summary>What the signed-in person owns, must decide, or is late on.</summary>
[Authorize(Policy = Access.Read)]
public sealed class IndexModel(StoreHolder holder, TimeProvider time) : PageModel
{
    public Account Caller => AccountClaims.AccountOf(User)!;

    /// <summary>Waiver requests the caller may decide (not their own).</summary>
    public IReadOnlyList<ServiceWaiver> ToDecide { get; private set; } = [];

    /// <summary>The caller's own requests still waiting.</summary>
    public IReadOnlyList<ServiceWaiver> Waiting { get; private set; } = [];

    /// <summary>The services of the caller's team, when they have one.</summary>
    public IReadOnlyList<ServiceState> TeamServices { get; private set; } = [];

    /// <summary>Outstanding items of the team's services past their ETA.</summary>
    public IReadOnlyList<(ServiceState Service, RemediationItem Item)> Late { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "My work";
        ViewData["Section"] = "my-work";
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var caller = Caller;
        var requests = await holder.Store.ListWaiversAsync(new WaiverQuery(WaiverStatus.Requested), cancellationToken);
        ToDecide = [.. requests.Where(row => AccessRules.CanApprove(caller, row.Service) && !AccessRules.SamePerson(row.Waiver.RequestedBy ?? string.Empty, caller.Actor))];
        Waiting = [.. requests.Where(row => AccessRules.SamePerson(row.Waiver.RequestedBy ?? string.Empty, caller.Actor))];
        if (caller.Team is { } team)
        {
            var services = await holder.Store.ListServicesAsync(new ServiceQuery(Owner: EntityRefs.Normalize(team, EntityKinds.Group)), cancellationToken);
            TeamServices = [.. services.Select(service => service.State)];
            Late = [.. TeamServices.SelectMany(service => service.RemediationItems.Where(item => item.IsOutstanding && item.Eta < Today).Select(item => (service, CustomerRestriction.For(caller, item))))];
        }
    }
}
