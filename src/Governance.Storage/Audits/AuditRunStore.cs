using System.Data.Common;
using Governance.Domain.Audit;
using Governance.Domain.Graph;
using Governance.Storage.Execution;

namespace Governance.Storage.Audits;

/// <summary>
/// The fleet audits a store keeps (<see cref="GovernanceStore.Audits"/>). A run begins <see cref="AuditRunStatus.Running"/>
/// and ends once: <see cref="CompleteAuditAsync"/> writes every profile and every audited service's graph facts and marks it
/// succeeded in one transaction, so a run's results are visible whole or not at all; readers only ever see succeeded runs' results.
/// </summary>
public sealed class AuditRunStore
{
    /// <summary>How many of a run's new, and of its resolved, findings <see cref="GetChangeListAsync"/> lists.</summary>
    public const int ChangesListed = AuditChangedFindingTable.Listed;

    private readonly StoreContext _context;
    private readonly AuditRunTable _runs;

    internal AuditRunStore(StoreContext context)
    {
        _context = context;
        _runs = new AuditRunTable(context.Dialect);
    }

    /// <summary>Records that an audit started (status running, in its own short transaction) and returns the run's id.</summary>
    public async Task<long> BeginAuditAsync(string trigger, string policySetHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        ArgumentException.ThrowIfNullOrWhiteSpace(policySetHash);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _runs.BeginAsync(connection, trigger, policySetHash, ProcessOwner.Current, _context.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes every profile of <paramref name="result"/>, the graph facts and score of every audited service and what the run adds
    /// up to (services by tier and level, the counts of its diff), and marks the run succeeded, in one transaction: <paramref name="graph"/>[i] belongs to the service with id <paramref name="serviceIds"/>[i].
    /// Ids rather than states, so that the snapshot can be collected while the run is written. On any failure (a profile the schema refuses, a service twice, a run that is no longer running)
    /// nothing of it is written and the run stays as it was: the caller then fails it with <see cref="FailAuditAsync"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The result was computed against another policy set than the run began with, or the ids, the graph facts and the result's count of services audited differ in number.</exception>
    /// <exception cref="InvalidOperationException">The run does not exist or is not running.</exception>
    public async Task CompleteAuditAsync(long runId, AuditResult result, IReadOnlyList<string> serviceIds, IReadOnlyList<GraphFacts> graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(serviceIds);
        ArgumentNullException.ThrowIfNull(graph);
        if (serviceIds.Count != result.ServicesAudited || graph.Count != result.ServicesAudited)
        {
            throw new ArgumentException($"the result audited {result.ServicesAudited} services, but {serviceIds.Count} service ids and {graph.Count} graph facts were given", nameof(graph));
        }

        await using var write = await _context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var (connection, transaction) = (write.Connection, write.Transaction);
        var run = await _runs.ReadAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false);
        if (run is not null && run.PolicySetHash != result.PolicySetHash)
        {
            throw new ArgumentException($"audit run {runId} began with policy set {run.PolicySetHash}, but the result is of {result.PolicySetHash}", nameof(result));
        }

        var findings = result.Profiles.Sum(profile => profile.Traits.Count);
        var now = _context.TimeProvider.GetUtcNow();

        // The status moves first: a concurrent recovery either waits for this transaction or has already made it fail here.
        if (!await _runs.SucceedAsync(connection, transaction, runId, result, findings, now, cancellationToken).ConfigureAwait(false))
        {
            throw NotRunning(runId, await _runs.ReadAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false));
        }

        await AuditProfileTable.WriteAsync(connection, transaction, _context.Dialect, runId, result.Profiles, cancellationToken).ConfigureAwait(false);
        await AuditGraphTable.WriteAsync(connection, transaction, _context.Dialect, runId, serviceIds, graph, cancellationToken).ConfigureAwait(false);
        await AuditScoreTable.WriteAsync(connection, transaction, _context.Dialect, runId, serviceIds, result, cancellationToken).ConfigureAwait(false);
        var previous = await _runs.ReadLatestSucceededAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false);
        await AuditSummaryTable.WriteAsync(connection, transaction, _context.Dialect, previous, runId, result, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a running run failed with <paramref name="reason"/>. Failing a failed run again changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The run does not exist or has succeeded.</exception>
    public async Task FailAuditAsync(long runId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await _runs.FailAsync(connection, runId, reason, _context.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var run = await _runs.ReadAsync(connection, null, runId, cancellationToken).ConfigureAwait(false);
        if (run?.Status != AuditRunStatus.Failed)
        {
            throw NotRunning(runId, run);
        }
    }

    /// <summary>
    /// Marks as failed ("interrupted") every run still running that started more than <paramref name="olderThan"/> ago:
    /// runs a process stopped in the middle of. Returns their ids, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<long>> RecoverInterruptedAuditsAsync(TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        var now = _context.TimeProvider.GetUtcNow();
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _runs.FailStartedBeforeAsync(connection, now - olderThan, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks as failed ("interrupted") every run still running whose process was on this host and is gone (killed, crashed):
    /// at once, whatever its age. A run of another host is left to <see cref="RecoverInterruptedAuditsAsync"/>, since only
    /// its own host can tell whether its process lives. Returns their ids, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<long>> RecoverOrphanedAuditsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        var failed = new List<long>();
        foreach (var (id, owner) in await _runs.ListRunningOnHostAsync(connection, ProcessOwner.Current.Host, cancellationToken).ConfigureAwait(false))
        {
            // The status guard in FailAsync keeps a run that completed meanwhile as it is.
            if (owner.IsGoneFromThisHost()
                && await _runs.FailAsync(connection, id, $"{AuditRunTable.Interrupted}: process {owner.ProcessId} ended", _context.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                failed.Add(id);
            }
        }

        return failed;
    }

    /// <summary>The run <paramref name="runId"/> in whatever status it is, or null when there is none.</summary>
    public async Task<AuditRun?> GetAuditRunAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _runs.ReadAsync(connection, null, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A succeeded run with its profiles: run <paramref name="runId"/>, or the latest when null. Null when that run has not succeeded (or there is none).</summary>
    public async Task<CompletedAudit?> GetAuditAsync(long? runId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = await FindSucceededAsync(connection, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var profiles = await AuditProfileTable.ReadAsync(connection, run.Id, cancellationToken).ConfigureAwait(false);
        return new CompletedAudit(run, new AuditResult(run.AuditedAt!.Value, run.PolicySetHash, run.PoliciesEvaluated!.Value, run.ServicesAudited!.Value, profiles));
    }

    /// <summary>
    /// The graph facts the latest succeeded run computed for <paramref name="serviceId"/>, with that run's id, in one query:
    /// what re-evaluating one service between audits needs. The facts are null when that run did not audit the service
    /// (it is newer); the whole result is null when no run has succeeded.
    /// </summary>
    public async Task<RunGraphFacts?> GetLatestGraphFactsAsync(string serviceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AuditGraphTable.ReadLatestAsync(connection, serviceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest <paramref name="limit"/> runs of every status, newest first.</summary>
    public async Task<IReadOnlyList<AuditRun>> ListAuditsAsync(int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _runs.ListAsync(connection, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every (service, policy) trait run <paramref name="runId"/> found, ordered; empty unless the run succeeded.</summary>
    public async Task<IReadOnlyList<FindingKey>> GetFindingKeysAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AuditProfileTable.ReadKeysAsync(connection, null, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What succeeded run <paramref name="runId"/> (the latest when null) found that the succeeded run before it did not, and
    /// the reverse. Null when that run has not succeeded (or there is none).
    /// </summary>
    public async Task<AuditRunDiff?> GetAuditDiffAsync(long? runId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        var run = await FindSucceededAsync(connection, runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return null;
        }

        var previous = await _runs.ReadLatestSucceededAsync(connection, null, run.Id, cancellationToken).ConfigureAwait(false);
        var current = await AuditProfileTable.ReadKeysAsync(connection, null, run.Id, cancellationToken).ConfigureAwait(false);
        var before = previous is null ? [] : await AuditProfileTable.ReadKeysAsync(connection, null, previous.Id, cancellationToken).ConfigureAwait(false);
        return new AuditRunDiff(run.Id, previous?.Id, AuditDiff.Between(before, current));
    }

    /// <summary>The newest succeeded run, without its profiles; null when none has succeeded.</summary>
    public async Task<AuditRun?> GetLatestSucceededRunAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _runs.ReadLatestSucceededAsync(connection, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How many services run <paramref name="runId"/> found at each level, by the tier each had when the run was stored: by tier
    /// (unclassified last), then level. Empty when the run has not succeeded, or was stored before these counts were kept.
    /// </summary>
    public async Task<IReadOnlyList<TierRiskCount>> GetRiskByTierAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AuditSummaryTable.ReadTiersAsync(connection, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The counts of run <paramref name="runId"/>'s diff against the succeeded run before it, as <see cref="GetAuditDiffAsync"/>
    /// would list them, kept when the run was stored. Null when the run has not succeeded, or was stored before these counts were kept.
    /// </summary>
    public async Task<AuditRunChanges?> GetChangesAsync(long runId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await AuditSummaryTable.ReadChangesAsync(connection, runId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Succeeded run <paramref name="runId"/>'s diff against the succeeded run before it (the latest run's when null): its counts and
    /// the first <see cref="ChangesListed"/> findings it found new and resolved, by service then policy, as kept when the run was
    /// stored (computed for a run stored before they were kept). Null when the run has not succeeded (or there is none).
    /// </summary>
    public async Task<AuditRunChangeList?> GetChangeListAsync(long? runId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (await FindSucceededAsync(connection, runId, cancellationToken).ConfigureAwait(false) is not { } run)
        {
            return null;
        }

        var counts = await AuditSummaryTable.ReadChangesAsync(connection, run.Id, cancellationToken).ConfigureAwait(false);
        var (found, resolved) = await AuditChangedFindingTable.ReadAsync(connection, run.Id, cancellationToken).ConfigureAwait(false);
        if (counts is not null && (counts.New + counts.Resolved == 0 || found.Count + resolved.Count > 0))
        {
            return new AuditRunChangeList(counts, found, resolved);
        }

        var diff = (await GetAuditDiffAsync(run.Id, cancellationToken).ConfigureAwait(false))!;
        return new AuditRunChangeList(
            new AuditRunChanges(run.Id, diff.PreviousRunId, diff.Diff.New.Count, diff.Diff.Resolved.Count, diff.Diff.Unchanged.Count),
            [.. diff.Diff.New.Take(ChangesListed)],
            [.. diff.Diff.Resolved.Take(ChangesListed)]);
    }

    /// <summary>
    /// The <paramref name="limit"/> services run <paramref name="runId"/> scored highest (above 0), by score then id, with their
    /// traits. Empty for a run stored before scores were kept, except the latest such run.
    /// </summary>
    public async Task<IReadOnlyList<RankedService>> ListRiskiestAsync(long runId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await RunHighlights.ReadRiskiestAsync(connection, runId, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The <paramref name="limit"/> services with the most critical-path callers at run <paramref name="runId"/> (at least one;
    /// ties by id). Empty for a run stored before this count was kept beside the facts, except the latest such run.
    /// </summary>
    public async Task<IReadOnlyList<CriticalPathHub>> ListHubsAsync(long runId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await RunHighlights.ReadHubsAsync(connection, runId, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="serviceId"/>'s score and level at each of the latest <paramref name="runs"/> succeeded runs that audited it,
    /// oldest first: a run that found nothing on it scores 0, at level none.
    /// </summary>
    public async Task<IReadOnlyList<RiskPoint>> GetRiskTrendAsync(string serviceId, int runs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runs);
        await using var connection = await _context.OpenAsync(cancellationToken).ConfigureAwait(false);
        var newestFirst = await AuditProfileTable.ReadTrendAsync(connection, _context.Dialect, serviceId, runs, cancellationToken).ConfigureAwait(false);
        newestFirst.Reverse();
        return newestFirst;
    }

    private async Task<AuditRun?> FindSucceededAsync(DbConnection connection, long? runId, CancellationToken cancellationToken)
    {
        var run = runId is { } id
            ? await _runs.ReadAsync(connection, null, id, cancellationToken).ConfigureAwait(false)
            : await _runs.ReadLatestSucceededAsync(connection, null, null, cancellationToken).ConfigureAwait(false);
        return run?.Status == AuditRunStatus.Succeeded ? run : null;
    }

    private static InvalidOperationException NotRunning(long runId, AuditRun? run) => run is null
        ? new InvalidOperationException($"there is no audit run {runId}")
        : new InvalidOperationException($"audit run {runId} is {run.Status.ToString().ToLowerInvariant()}{(run.Failure is null ? string.Empty : $" ({run.Failure})")}, not running");
}
