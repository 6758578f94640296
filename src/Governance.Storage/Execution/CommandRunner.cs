using System.Data.Common;
using Governance.Domain;
using Governance.Domain.Commands;
using Governance.Storage.Writing;

namespace Governance.Storage.Execution;

/// <summary>
/// Runs one command on one aggregate: read state and version, decide, write only where the version is unchanged,
/// append the history entry, all in one transaction; on a conflict, retry on fresh state or report it.
/// </summary>
internal sealed class CommandRunner(StoreContext context)
{
    public async Task<CommandResult<TState>> ExecuteAsync<TState, TCommand>(
        Aggregate<TState, TCommand> aggregate,
        AggregateAddress<TState> address,
        TCommand command,
        string actor,
        long? expectedVersion,
        CancellationToken cancellationToken)
        where TState : class
    {
        for (var attempt = 1; ; attempt++)
        {
            long readVersion = 0;
            try
            {
                await using var connection = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await context.Dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
                var stored = await address.ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                readVersion = stored?.Version ?? 0;
                if (expectedVersion is { } expected && expected != readVersion)
                {
                    throw new ConcurrencyConflictException(address.Subject, expected, readVersion);
                }

                var now = context.TimeProvider.GetUtcNow();
                var outcome = address.Errors.Count > 0
                    ? new CommandOutcome<TState>.Rejected(address.Errors)
                    : aggregate.Decide(stored?.State, command, now);
                switch (outcome)
                {
                    case CommandOutcome<TState>.Rejected rejected:
                        return new CommandResult<TState>(CommandStatus.Rejected, stored?.State, readVersion, rejected.Errors, attempt);
                    case CommandOutcome<TState>.Unchanged unchanged:
                        return new CommandResult<TState>(CommandStatus.Unchanged, unchanged.State, readVersion, [], attempt);
                }

                var state = ((CommandOutcome<TState>.Accepted)outcome).State;
                var tracked = new Tracked<TState>(stored);
                tracked.Accept(state);
                var changes = new ChangeSet();
                aggregate.Staged(changes).Add(address.Key, tracked);
                changes.Entries.Add(new PendingEntry(address.Subject, aggregate.Name(command), aggregate.Payload(command), tracked.Version));
                await ChangeWriter.WriteAsync(context, connection, transaction, changes, actor, now, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new CommandResult<TState>(CommandStatus.Accepted, state, tracked.Version, [], attempt);
            }
            catch (StaleWriteException)
            {
            }
            catch (DbException exception) when (context.Dialect.IsConcurrencyFailure(exception))
            {
            }

            // Someone else wrote between our read and our write (PostgreSQL; SQLite's writers queue instead).
            if (expectedVersion is not null || attempt >= StoreContext.MaxAttempts)
            {
                var actual = await context.ReadVersionAsync(address.Subject, cancellationToken).ConfigureAwait(false);
                throw new ConcurrencyConflictException(address.Subject, expectedVersion ?? readVersion, actual);
            }

            await context.BackOffAsync(attempt, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Which aggregate a command is for: its subject, its key in a <see cref="ChangeSet"/>, how to read it, and any addressing error.</summary>
internal sealed record AggregateAddress<TState>(
    string Subject,
    string Key,
    Func<DbConnection, DbTransaction, CancellationToken, Task<Versioned<TState>?>> ReadAsync,
    IReadOnlyList<FieldError> Errors);
