using Governance.Domain.Identity;
using Microsoft.Extensions.Options;
using Quartz;

namespace Governance.Server.Auditing;

/// <summary>
/// The fleet audit's schedule as the job store holds it, and what an administrator may do with it: run the audit now,
/// pause the schedule and resume it. The schedule itself is configuration (<see cref="AuditScheduleOptions"/>); a pause
/// is kept in the job store, so it holds across restarts and on every node.
/// </summary>
public sealed class AuditScheduleControl(ISchedulerFactory schedulers, IOptions<AuditScheduleOptions> options, ILogger<AuditScheduleControl> logger)
{
    /// <summary>The schedule as configured and as stored: its expression and time zone, its next and previous firing, any pause.</summary>
    public async Task<AuditScheduleStatus> GetAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!settings.Enabled || await scheduler.GetTrigger(AuditJob.ScheduleKey, cancellationToken) is not ICronTrigger trigger)
        {
            return new AuditScheduleStatus(settings.Enabled, settings.Schedule, settings.TimeZone, null, null, false, null);
        }

        var paused = await scheduler.GetTriggerState(AuditJob.ScheduleKey, cancellationToken) == TriggerState.Paused;
        var pause = paused ? await scheduler.GetTriggerPause(AuditJob.ScheduleKey, cancellationToken) : null;
        return new AuditScheduleStatus(true, trigger.CronExpressionString!, trigger.TimeZone.Id, trigger.NextFireTimeUtc, trigger.PreviousFireTimeUtc, paused, pause);
    }

    /// <summary>
    /// Fires the audit job once, now, recorded as asked for by <paramref name="requester"/>. It runs on whichever node takes
    /// the firing, after any audit already running. Works with scheduled audits turned off too.
    /// </summary>
    public async Task RunNowAsync(Account requester, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!await scheduler.Exists(AuditJob.Key, cancellationToken))
        {
            // Without a schedule the job is not stored (see the installer); a durable job waits for its firing.
            await scheduler.AddJob(AuditJob.Definition(), AddJobOptions.Replacing, cancellationToken);
        }

        await scheduler.TriggerJob(AuditJob.Key, new JobDataMap { { AuditJob.RequestedByKey, requester.Actor } }, cancellationToken);
        AuditLog.AuditRequested(logger, requester.Actor);
    }

    /// <summary>Pauses the schedule, recording who asked; false when there is no schedule to pause or it is paused already.</summary>
    public async Task<bool> PauseAsync(Account requester, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var paused = await scheduler.PauseTriggerWith(AuditJob.ScheduleKey, new PauseDetails { RequestedBy = requester.Actor, Reason = "paused on the schedules page" }, cancellationToken);
        if (paused)
        {
            AuditLog.SchedulePaused(logger, requester.Actor);
        }

        return paused;
    }

    /// <summary>
    /// Resumes a paused schedule; false when it was not paused. A firing missed while paused runs once at once (the
    /// trigger's misfire rule), then the schedule goes on.
    /// </summary>
    public async Task<bool> ResumeAsync(Account requester, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var resumed = await scheduler.ResumeTrigger(AuditJob.ScheduleKey, cancellationToken);
        if (resumed)
        {
            AuditLog.ScheduleResumed(logger, requester.Actor);
        }

        return resumed;
    }
}

/// <summary>
/// The audit schedule: whether scheduled audits are on, the cron expression and time zone, the next and previous firing
/// (null when none), and whether it is paused, with who paused it and when (null when nothing was recorded).
/// </summary>
public sealed record AuditScheduleStatus(
    bool Enabled,
    string Schedule,
    string TimeZone,
    DateTimeOffset? NextFireTime,
    DateTimeOffset? PreviousFireTime,
    bool Paused,
    PauseInfo? Pause);
