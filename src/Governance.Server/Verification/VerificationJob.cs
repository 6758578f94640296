using Governance.Domain.History;
using Governance.Server.Hosting;
using Quartz;

namespace Governance.Server.Verification;

/// <summary>
/// The scheduled verification of the history and the current states; the outcome is recorded in the store, where
/// <c>GET /api/history/verify</c> reads it. One at a time across the cluster; a broken store is logged as an error.
/// </summary>
[DisallowConcurrentExecution]
public sealed class VerificationJob(StoreHolder holder, ILogger<VerificationJob> logger) : IJob
{
    /// <summary>The key, in a trigger's data, of the scope it verifies (<see cref="VerificationScope"/>).</summary>
    public const string ScopeKey = "scope";

    public static readonly JobKey Key = new("history-verification", "governance");

    public static readonly TriggerKey IncrementalKey = new("history-verification-incremental", "governance");

    public static readonly TriggerKey FullKey = new("history-verification-full", "governance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var scope = Enum.Parse<VerificationScope>(context.MergedJobDataMap.GetString(ScopeKey) ?? nameof(VerificationScope.Incremental));
        var record = await holder.Store.VerifyAndRecordHistoryAsync(scope, cancellationToken);
        if (record.IsIntact)
        {
            VerificationLog.Intact(logger, scope, record.EntriesChecked, record.StatesChecked, record.Head.Sequence, record.Elapsed);
        }
        else
        {
            VerificationLog.Broken(logger, scope, record.ProblemCount, string.Join("; ", record.Problems.Take(5)));
        }
    }

    public static IJobDetail Definition() => JobBuilder.Create<VerificationJob>()
        .WithIdentity(Key)
        .WithDescription("Verifies the history's hash chain and every current state against it")
        .StoreDurably()
        .Build();
}

internal static partial class VerificationLog
{
    [LoggerMessage(1, LogLevel.Information, "Verification ({Scope}) intact: {Entries} entries and {States} states checked, head {Head}, in {Elapsed}")]
    public static partial void Intact(ILogger logger, VerificationScope scope, long entries, long states, long head, TimeSpan elapsed);

    [LoggerMessage(2, LogLevel.Error, "Verification ({Scope}) found {Count} problem(s): {Problems}")]
    public static partial void Broken(ILogger logger, VerificationScope scope, long count, string problems);

    [LoggerMessage(3, LogLevel.Information, "Verification schedules stored: incremental '{Incremental}', full '{Full}' (UTC)")]
    public static partial void Scheduled(ILogger logger, string incremental, string full);

    [LoggerMessage(4, LogLevel.Information, "Scheduled verification is disabled; the stored schedules were removed: {Removed}")]
    public static partial void Removed(ILogger logger, bool removed);
}
