using Microsoft.Extensions.Logging;

namespace Governance.Grains.Services;

/// <summary>What service grains log.</summary>
internal static partial class ServiceGrainLog
{
    [LoggerMessage(1, LogLevel.Information, "Service {ServiceId} was at version {StoredVersion} in the store, not {CachedVersion}: written outside the cluster; reloaded and deciding again")]
    public static partial void StaleCache(ILogger logger, string serviceId, long cachedVersion, long storedVersion);

    [LoggerMessage(2, LogLevel.Error, "Recording {Command} on service {ServiceId} failed in the store; the caller is told, nothing is retried")]
    public static partial void CommitFailed(ILogger logger, Exception exception, string serviceId, string command);

    [LoggerMessage(3, LogLevel.Information, "Service {ServiceId}: deadline recorded as {Command} (version {Version})")]
    public static partial void DeadlineRecorded(ILogger logger, string serviceId, string command, long version);

    [LoggerMessage(5, LogLevel.Debug, "Service {ServiceId}: deadlines checked, {Recorded} recorded")]
    public static partial void DeadlinesChecked(ILogger logger, string serviceId, int recorded);

    [LoggerMessage(6, LogLevel.Warning, "Service {ServiceId}: the deadline reminder could not be moved; the next change, tick or activation moves it")]
    public static partial void ReminderNotMoved(ILogger logger, Exception exception, string serviceId);

    [LoggerMessage(4, LogLevel.Warning, "Service {ServiceId}: risks not re-evaluated after version {Version}; they are evaluated when next asked")]
    public static partial void RiskEvaluationFailed(ILogger logger, Exception exception, string serviceId, long version);
}
