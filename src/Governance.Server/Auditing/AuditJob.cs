using Governance.Application.Auditing;
using Governance.Server.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Governance.Server.Auditing;

/// <summary>
/// The scheduled fleet audit. Never runs twice at once, in this process or (on PostgreSQL) anywhere in the cluster:
/// Quartz holds a firing back while another runs.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AuditJob(IFleetAudit audit, StoreHolder holder, IOptions<AuditScheduleOptions> options, TimeProvider time, ILogger<AuditJob> logger) : IJob
{
    /// <summary>How the trigger of a scheduled run begins; the time it was due follows (<c>scheduled for 2026-12-01T03:00:00Z</c>).</summary>
    public const string ScheduledTrigger = "scheduled";

    /// <summary>How the trigger of a run someone asked for begins; who asked follows (<c>manual by user:ada</c>).</summary>
    public const string ManualTrigger = "manual";

    /// <summary>The key, in a firing's data, of the person who asked for it.</summary>
    public const string RequestedByKey = "requested-by";

    /// <summary>The job's key in the job store.</summary>
    public static readonly JobKey Key = new("fleet-audit", "governance");

    /// <summary>The key of the cron trigger that fires it.</summary>
    public static readonly TriggerKey ScheduleKey = new("fleet-audit-schedule", "governance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var trigger = TriggerOf(context);
        AuditLog.AuditStarting(logger, trigger, context.FireInstanceId);
        var started = time.GetTimestamp();
        try
        {
            // No other audit job runs now, so a run left running this long is an orphan whatever node began it.
            await AuditRecovery.FailInterruptedAsync(holder.Store, options.Value.InterruptedAfter, logger, cancellationToken);
            var runId = await audit.RunAsync(trigger, cancellationToken);
            context.Result = runId;
            AuditLog.AuditSucceeded(logger, runId, time.GetElapsedTime(started), trigger);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            AuditLog.AuditFailed(logger, exception, time.GetElapsedTime(started), trigger);
            throw new JobExecutionException(exception);
        }
    }

    /// <summary>The job as the job store keeps it: durable, so that it can be fired by hand when no schedule is stored.</summary>
    public static IJobDetail Definition() => JobBuilder.Create<AuditJob>()
        .WithIdentity(Key)
        .WithDescription("Audits the whole fleet and records the run")
        .StoreDurably()
        .RequestRecovery() // a node that dies mid-audit has the audit run again by the next node up
        .Build();

    /// <summary>
    /// The run's trigger: scheduled, and for when, so that each firing's run can be told apart (a recovered firing says so);
    /// or manual, and by whom, for a firing someone asked for.
    /// </summary>
    public static string TriggerOf(IJobExecutionContext context)
    {
        if (!context.Trigger.Key.Equals(ScheduleKey))
        {
            var requester = context.MergedJobDataMap.GetString(RequestedByKey);
            var manual = requester is null ? ManualTrigger : $"{ManualTrigger} by {requester}";
            return context.Recovering ? $"{manual} (recovered)" : manual;
        }

        var due = context.ScheduledFireTimeUtc is { } time ? $" for {time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}" : string.Empty;
        return context.Recovering ? $"{ScheduledTrigger}{due} (recovered)" : $"{ScheduledTrigger}{due}";
    }
}
