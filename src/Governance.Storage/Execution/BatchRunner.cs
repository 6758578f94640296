using System.Data.Common;
using Governance.Domain.Commands;
using Governance.Storage.Tables;
using Governance.Storage.Writing;

namespace Governance.Storage.Execution;

/// <summary>
/// Applies a whole catalog in one transaction: loads the stored states in two queries, decides every definition in
/// memory, and writes only if none was rejected (and this is not a dry run).
/// </summary>
internal sealed class BatchRunner(StoreContext context)
{
    public async Task<BatchResult> ApplyAsync(CatalogBatch batch, string actor, bool dryRun, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            StaleWriteException? stale = null;
            try
            {
                return await ApplyOnceAsync(batch, actor, dryRun, cancellationToken).ConfigureAwait(false);
            }
            catch (StaleWriteException exception)
            {
                stale = exception;
            }
            catch (DbException exception) when (context.Dialect.IsConcurrencyFailure(exception))
            {
            }

            if (attempt >= StoreContext.MaxAttempts)
            {
                // A stale head is reported as a conflict on the head itself, with its sequence as the version.
                var subject = stale?.Subject ?? HistoryTable.HeadSubject;
                var actual = stale is null ? 0 : await context.ReadVersionAsync(subject, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(subject, stale?.ExpectedVersion ?? 0, actual);
            }

            await context.BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<BatchResult> ApplyOnceAsync(CatalogBatch batch, string actor, bool dryRun, CancellationToken cancellationToken)
    {
        await using var write = await context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        var (connection, transaction) = (write.Connection, write.Transaction);

        var serviceIds = batch.Services.Select(define => define.Profile.Id).Distinct(StringComparer.Ordinal).ToList();
        var entitySubjects = batch.Entities.Select(define => define.Entity.Subject).Distinct(StringComparer.Ordinal).ToList();
        var services = await context.Services.ReadManyAsync(connection, transaction, serviceIds, cancellationToken).ConfigureAwait(false);
        var entities = await context.Entities.ReadManyAsync(connection, transaction, entitySubjects, cancellationToken).ConfigureAwait(false);

        var now = context.TimeProvider.GetUtcNow();
        var decision = new CommandContext(actor, now);
        var changes = new ChangeSet();
        var results = new List<SubjectChange>(batch.Services.Count + batch.Entities.Count);
        foreach (var define in batch.Services)
        {
            var id = define.Profile.Id;
            results.Add(Decide(Aggregates.Service, changes, id, $"{ServiceTable.SubjectPrefix}{id}", services.GetValueOrDefault(id), define, decision));
        }

        foreach (var define in batch.Entities)
        {
            var subject = define.Entity.Subject;
            results.Add(Decide(Aggregates.Entity, changes, subject, subject, entities.GetValueOrDefault(subject), define, decision));
        }

        // A rejection anywhere means nothing is written: the transaction is rolled back when disposed.
        if (results.Any(change => change.Kind == ChangeKind.Rejected))
        {
            return new BatchResult(results, Applied: false);
        }

        await ChangeWriter.WriteAsync(context, connection, transaction, changes, actor, now, cancellationToken).ConfigureAwait(false);
        if (dryRun)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return new BatchResult(results, Applied: false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new BatchResult(results, Applied: true);
    }

    // A subject may appear twice in one batch: the second definition is decided on the state the first produced.
    private static SubjectChange Decide<TState, TCommand>(
        Aggregate<TState, TCommand> aggregate,
        ChangeSet changes,
        string key,
        string subject,
        Versioned<TState>? stored,
        TCommand command,
        CommandContext decision)
        where TState : class
    {
        var staged = aggregate.Staged(changes);
        if (!staged.TryGetValue(key, out var tracked))
        {
            tracked = new Tracked<TState>(stored);
            staged.Add(key, tracked);
        }

        var existed = tracked.State is not null;
        switch (aggregate.Decide(key, tracked.State, command, decision))
        {
            case CommandOutcome<TState>.Accepted accepted:
                var stateHash = tracked.Accept(accepted.State);
                changes.Entries.Add(new PendingEntry(subject, aggregate.Name(command), aggregate.Payload(command), tracked.Version, stateHash));
                return new SubjectChange(subject, existed ? ChangeKind.Updated : ChangeKind.Created, tracked.Version, []);
            case CommandOutcome<TState>.Rejected rejected:
                return new SubjectChange(subject, ChangeKind.Rejected, tracked.Version, rejected.Errors);
            default:
                return new SubjectChange(subject, ChangeKind.Unchanged, tracked.Version, []);
        }
    }
}
