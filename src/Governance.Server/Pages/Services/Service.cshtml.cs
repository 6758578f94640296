using Governance.Application.Browsing;
using Governance.Domain.Commands;
using Governance.Domain.History;
using Governance.Domain.Identity;
using Governance.Grains.Contracts;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Server.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Services;

/// <summary>
/// One service: its profile, footprint, stores, facts and dependencies; its risk traits as its grain evaluates them now;
/// its waivers with the forms to request, approve and reject them; its remediation items; its history.
/// </summary>
[Authorize(Policy = Access.Read)]
public sealed class ServiceModel(ServiceGrains grains, PageWrite write, StoreHolder holder) : PageModel
{
    /// <summary>A hub has thousands of callers; the page lists this many and says how many there are.</summary>
    public const int CallersShown = 100;

    private const int HistoryShown = 50;

    [FromRoute]
    public string Id { get; set; } = string.Empty;

    public ServiceSnapshot Service { get; private set; } = null!;

    public ServiceRisks? Risks { get; private set; }

    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    /// <summary>How many services call it, and the first <see cref="CallersShown"/> by id.</summary>
    public Storage.CallerPage Callers { get; private set; } = new([], 0);

    /// <summary>The service's score over the audit runs, as an inline SVG chart.</summary>
    public string TrendChart { get; private set; } = string.Empty;

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public WaiverForm Waiver { get; set; } = new();

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    public Domain.Identity.Account Caller => AccountClaims.AccountOf(User)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestWaiverAsync(CancellationToken cancellationToken)
    {
        // The one value the domain cannot be handed is a missing date.
        if (Waiver.Expires is not { } expires)
        {
            ModelState.AddModelError("expires", "is required: the last day the waiver applies");
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }

        return await SendAsync(new RequestWaiver(Waiver.TraitId ?? string.Empty, Waiver.Justification ?? string.Empty, expires), ServiceAccessNeed.Edit, Waiver.Version,
            $"Requested a waiver of {Waiver.TraitId}; an approver of the service's team or tier decides it.", cancellationToken);
    }

    public Task<IActionResult> OnPostApproveWaiverAsync(CancellationToken cancellationToken) =>
        SendAsync(new ApproveWaiver(Decision.TraitId ?? string.Empty, Blank(Decision.Reason)), ServiceAccessNeed.Approve, Decision.Version,
            $"Approved the waiver of {Decision.TraitId}.", cancellationToken);

    public Task<IActionResult> OnPostRejectWaiverAsync(CancellationToken cancellationToken) =>
        SendAsync(new RejectWaiver(Decision.TraitId ?? string.Empty, Decision.Reason ?? string.Empty), ServiceAccessNeed.EditOrApprove, Decision.Version,
            $"Rejected the waiver request of {Decision.TraitId}.", cancellationToken);

    private async Task<IActionResult> SendAsync(ServiceCommand command, ServiceAccessNeed need, long version, string notice, CancellationToken cancellationToken)
    {
        var id = ServiceGrains.IdOf(Id);
        if (await write.ExecuteAsync(Caller, id, command, need, version, ModelState, cancellationToken))
        {
            Notice = notice;
            return RedirectToPage(new { id });
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var id = ServiceGrains.IdOf(Id);
        if (await grains.GetAsync(id, cancellationToken) is not { } service)
        {
            return false;
        }

        Service = service with { State = CustomerRestriction.For(Caller, service.State) };
        Risks = await grains.GetRisksAsync(id, cancellationToken);
        Callers = await holder.Store.GetCallersAsync(id, CallersShown, cancellationToken);
        TrendChart = FleetCharts.ScoreTrend(await ServiceTrend.LoadAsync(holder.Store, id, cancellationToken: cancellationToken));
        var history = new List<HistoryEntry>();
        await foreach (var entry in holder.Store.ReadHistoryAsync(service.State.Subject, cancellationToken))
        {
            history.Add(entry);
        }

        History = [.. history.AsEnumerable().Reverse().Take(HistoryShown)];
        ViewData["Title"] = service.State.Profile.Name;
        ViewData["Section"] = "services";
        return true;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>A waiver request as the form sends it; the domain checks every value.</summary>
    public sealed class WaiverForm
    {
        public string? TraitId { get; set; }

        public string? Justification { get; set; }

        public DateOnly? Expires { get; set; }

        public long Version { get; set; }
    }

    /// <summary>An approval or rejection as the form sends it.</summary>
    public sealed class DecisionForm
    {
        public string? TraitId { get; set; }

        public string? Reason { get; set; }

        public long Version { get; set; }
    }
}
