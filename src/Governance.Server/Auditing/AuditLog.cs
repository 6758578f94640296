namespace Governance.Server.Auditing;

/// <summary>What the audit scheduler logs.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(1, LogLevel.Information, "Audit schedule '{Schedule}' ({TimeZone}) stored; next audit at {NextFire:O}")]
    public static partial void ScheduleStored(ILogger logger, string schedule, string timeZone, DateTimeOffset? nextFire);

    [LoggerMessage(2, LogLevel.Information, "Audit schedule '{Schedule}' ({TimeZone}) kept as stored; next audit at {NextFire:O}")]
    public static partial void ScheduleKept(ILogger logger, string schedule, string timeZone, DateTimeOffset? nextFire);

    [LoggerMessage(3, LogLevel.Information, "Scheduled audits are disabled; the stored schedule was removed: {Removed}")]
    public static partial void ScheduleRemoved(ILogger logger, bool removed);

    [LoggerMessage(4, LogLevel.Warning, "Audit runs {RunIds} were still running after {InterruptedAfter}: marked failed as interrupted")]
    public static partial void InterruptedRunsFailed(ILogger logger, string runIds, TimeSpan interruptedAfter);

    [LoggerMessage(5, LogLevel.Warning, "No IFleetAudit is registered: scheduled audits will fail until one is")]
    public static partial void NoFleetAudit(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Audit starting: {Trigger} (fire {FireInstanceId})")]
    public static partial void AuditStarting(ILogger logger, string trigger, string fireInstanceId);

    [LoggerMessage(7, LogLevel.Information, "Audit recorded run {RunId} in {Elapsed}: {Trigger}")]
    public static partial void AuditSucceeded(ILogger logger, long runId, TimeSpan elapsed, string trigger);

    [LoggerMessage(8, LogLevel.Error, "Audit failed after {Elapsed}: {Trigger}")]
    public static partial void AuditFailed(ILogger logger, Exception exception, TimeSpan elapsed, string trigger);

    [LoggerMessage(9, LogLevel.Information, "Audit asked for by {Actor}: it runs now, after any audit already running")]
    public static partial void AuditRequested(ILogger logger, string actor);

    [LoggerMessage(10, LogLevel.Information, "Audit schedule paused by {Actor}")]
    public static partial void SchedulePaused(ILogger logger, string actor);

    [LoggerMessage(11, LogLevel.Information, "Audit schedule resumed by {Actor}")]
    public static partial void ScheduleResumed(ILogger logger, string actor);

    [LoggerMessage(12, LogLevel.Warning, "Audit runs {RunIds} were still running, but the processes on this host that began them are gone: marked failed as interrupted")]
    public static partial void OrphanedRunsFailed(ILogger logger, string runIds);
}
