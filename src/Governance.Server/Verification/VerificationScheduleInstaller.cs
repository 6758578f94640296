using Governance.Domain.History;
using Microsoft.Extensions.Options;
using Quartz;

namespace Governance.Server.Verification;

/// <summary>
/// At start, puts the two verification triggers in the job store as configured. A missed verification is not made up:
/// the next one checks everything written since the checkpoint anyway.
/// </summary>
internal sealed class VerificationScheduleInstaller(ISchedulerFactory schedulers, IOptions<VerificationOptions> options, ILogger<VerificationScheduleInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!settings.Enabled)
        {
            VerificationLog.Removed(logger, await scheduler.DeleteJob(VerificationJob.Key, cancellationToken));
            return;
        }

        var job = VerificationJob.Definition();
        ITrigger[] triggers =
        [
            Trigger(scheduler, job, VerificationJob.IncrementalKey, settings.IncrementalSchedule, VerificationScope.Incremental),
            Trigger(scheduler, job, VerificationJob.FullKey, settings.FullSchedule, VerificationScope.Full),
        ];
        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
        VerificationLog.Scheduled(logger, settings.IncrementalSchedule, settings.FullSchedule);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static ITrigger Trigger(IScheduler scheduler, IJobDetail job, TriggerKey key, string schedule, VerificationScope scope) =>
        TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(key)
            .ForJob(job)
            .UsingJobData(VerificationJob.ScopeKey, scope.ToString())
            .WithSchedule(CronScheduleBuilder.Create(schedule).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
}
