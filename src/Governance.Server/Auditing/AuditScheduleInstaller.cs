using Governance.Application.Auditing;
using Governance.Server.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Governance.Server.Auditing;

/// <summary>
/// At start, before the scheduler runs: fails runs a stopped process left running, and brings the stored schedule in line
/// with configuration. A stored trigger that already matches is left alone, so a firing missed while no host was up is
/// still due and fires once (Quartz's declarative scheduling would replace it and lose that firing).
/// </summary>
internal sealed class AuditScheduleInstaller(
    ISchedulerFactory schedulers,
    StoreHolder holder,
    IOptions<AuditScheduleOptions> options,
    IServiceProviderIsService services,
    ILogger<AuditScheduleInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await AuditRecovery.FailInterruptedAsync(holder.Store, settings.InterruptedAfter, logger, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!settings.Enabled)
        {
            AuditLog.ScheduleRemoved(logger, await scheduler.DeleteJob(AuditJob.Key, cancellationToken));
            return;
        }

        if (!services.IsService(typeof(IFleetAudit)))
        {
            AuditLog.NoFleetAudit(logger);
        }

        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        if (await scheduler.GetTrigger(AuditJob.ScheduleKey, cancellationToken) is ICronTrigger stored && Matches(stored, settings.Schedule, timeZone))
        {
            AuditLog.ScheduleKept(logger, settings.Schedule, timeZone.Id, stored.NextFireTimeUtc);
            return;
        }

        // A pause (from the schedules page) outlives a change of schedule: the new trigger is paused as the old one was.
        var paused = await scheduler.GetTriggerState(AuditJob.ScheduleKey, cancellationToken) == TriggerState.Paused;
        var pause = paused ? await scheduler.GetTriggerPause(AuditJob.ScheduleKey, cancellationToken) : null;
        var job = AuditJob.Definition();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(AuditJob.ScheduleKey)
            .ForJob(job)
            .WithSchedule(CronScheduleBuilder.Create(settings.Schedule)
                .InTimeZone(timeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        if (paused)
        {
            await scheduler.PauseTriggerWith(AuditJob.ScheduleKey, new PauseDetails { Reason = pause?.Reason, RequestedBy = pause?.RequestedBy }, cancellationToken);
        }

        var scheduled = await scheduler.GetTrigger(AuditJob.ScheduleKey, cancellationToken);
        AuditLog.ScheduleStored(logger, settings.Schedule, timeZone.Id, scheduled?.NextFireTimeUtc);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Compared as Quartz spells the expression, so that a respelling of the same schedule keeps the stored trigger too.
    private static bool Matches(ICronTrigger stored, string schedule, TimeZoneInfo timeZone) =>
        stored.JobKey.Equals(AuditJob.Key)
        && stored.CronExpressionString == CronExpression.Parse(schedule).CronExpressionString
        && stored.TimeZone.Id == timeZone.Id
        && stored.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed;
}
