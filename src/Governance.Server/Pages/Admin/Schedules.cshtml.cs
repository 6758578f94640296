using Governance.Domain.History;
using Governance.Domain.Identity;
using Governance.Server.Auditing;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage.Audits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Governance.Server.Pages.Admin;

/// <summary>
/// The fleet audit's schedule (as configured, and as the job store fires it), the recent runs, and the buttons that run
/// the audit now and pause or resume the schedule; the last verification of the history and states, and one run now.
/// </summary>
[Authorize(Policy = Access.Administer)]
public sealed class SchedulesModel(AuditScheduleControl schedule, StoreHolder holder) : PageModel
{
    private const int RunsShown = 20;

    public AuditScheduleStatus Schedule { get; private set; } = null!;

    public IReadOnlyList<AuditRun> Runs { get; private set; } = [];

    public VerificationRecord? LastVerification { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public Account Caller => AccountClaims.AccountOf(User)!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData["Title"] = "Schedules";
        ViewData["Section"] = "admin";
        Schedule = await schedule.GetAsync(cancellationToken);
        Runs = await holder.Store.Audits.ListAuditsAsync(RunsShown, cancellationToken);
        LastVerification = await holder.Store.GetLastVerificationAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        var verification = await holder.Store.VerifyAndRecordHistoryAsync(VerificationScope.Full, cancellationToken);
        Notice = verification.IsIntact
            ? $"Verified: the history and every state are intact ({verification.EntriesChecked} entries, {verification.StatesChecked} states)."
            : $"Verification found {verification.ProblemCount} problem(s): see below.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        await schedule.RunNowAsync(Caller, cancellationToken);
        Notice = $"The audit was asked for: it runs now, after any audit already running, and is recorded as {AuditJob.ManualTrigger} by {Caller.Actor}. Reload to follow it.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPauseAsync(CancellationToken cancellationToken)
    {
        Notice = await schedule.PauseAsync(Caller, cancellationToken)
            ? "The schedule is paused: no audit runs on its own until it is resumed."
            : "There was no running schedule to pause.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken cancellationToken)
    {
        Notice = await schedule.ResumeAsync(Caller, cancellationToken)
            ? "The schedule is resumed. A time it missed while paused runs once now."
            : "The schedule was not paused.";
        return RedirectToPage();
    }
}
