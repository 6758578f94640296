using System.Data.Common;
using Governance.Domain.Commands;
using Governance.Storage.Writing;

namespace Governance.Storage.Execution;

/// <summary>
/// Persists decided states: <see cref="CommitAsync"/> writes a state someone decided (a grain, from its cached state) where
/// the stored version is still the one it decided on; <see cref="ExecuteAsync"/> reads, decides and writes through the same step in one transaction (the
/// embedded CLI). Either way the state and its history entry commit together, or nothing does.
/// </summary>
internal sealed class CommandRunner(StoreContext context)
{
    public async Task<CommitOutcome> CommitAsync<TState, TCommand>(
        Aggregate<TState, TCommand> aggregate,
        AggregateAddress<TState> address,
        TState state,
        Versioned<TState>? decidedOn,
        TCommand command,
        string actor,
        CancellationToken cancellationToken)
        where TState : class
    {
        try
        {
            await using var write = await context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
            var now = context.TimeProvider.GetUtcNow();
            var version = await WriteDecidedAsync(aggregate, address, new Tracked<TState>(decidedOn), state, command, actor, now, write, cancellationToken).ConfigureAwait(false);
            await write.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new CommitOutcome.Committed(version, now);
        }
        catch (StaleWriteException)
        {
        }
        catch (DbException exception) when (context.Dialect.IsConcurrencyFailure(exception))
        {
        }

        return new CommitOutcome.Stale(await context.ReadVersionAsync(address.Subject, cancellationToken).ConfigureAwait(false));
    }

    public async Task<CommandResult<TState>> ExecuteAsync<TState, TCommand>(
        Aggregate<TState, TCommand> aggregate,
        AggregateAddress<TState> address,
        TCommand command,
        CommandContext decision,
        long? expectedVersion,
        CancellationToken cancellationToken)
        where TState : class
    {
        for (var attempt = 1; ; attempt++)
        {
            long readVersion = 0;
            try
            {
                await using var write = await context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
                var stored = await address.ReadAsync(write.Connection, write.Transaction, cancellationToken).ConfigureAwait(false);
                readVersion = stored?.Version ?? 0;
                if (expectedVersion is { } expected && expected != readVersion)
                {
                    throw new ConcurrencyConflictException(address.Subject, expected, readVersion);
                }

                var now = context.TimeProvider.GetUtcNow();
                switch (aggregate.Decide(address.Key, stored?.State, command, decision with { Now = now }))
                {
                    case CommandOutcome<TState>.Rejected rejected:
                        return new CommandResult<TState>(CommandStatus.Rejected, stored?.State, readVersion, rejected.Errors, attempt);
                    case CommandOutcome<TState>.Unchanged unchanged:
                        return new CommandResult<TState>(CommandStatus.Unchanged, unchanged.State, readVersion, [], attempt);
                    case CommandOutcome<TState>.Accepted accepted:
                        var version = await WriteDecidedAsync(aggregate, address, new Tracked<TState>(stored), accepted.State, command, decision.Actor, now, write, cancellationToken).ConfigureAwait(false);
                        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
                        return new CommandResult<TState>(CommandStatus.Accepted, accepted.State, version, [], attempt);
                }
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

    /// <summary>The one write step: the state at the next version, where the row is still at the tracked one, and its history entry.</summary>
    private async Task<long> WriteDecidedAsync<TState, TCommand>(
        Aggregate<TState, TCommand> aggregate,
        AggregateAddress<TState> address,
        Tracked<TState> tracked,
        TState state,
        TCommand command,
        string actor,
        DateTimeOffset now,
        WriteTransaction write,
        CancellationToken cancellationToken)
        where TState : class
    {
        var stateHash = tracked.Accept(state);
        var changes = new ChangeSet();
        aggregate.Staged(changes).Add(address.Key, tracked);
        changes.Entries.Add(new PendingEntry(address.Subject, aggregate.Name(command), aggregate.Payload(command), tracked.Version, stateHash));
        await ChangeWriter.WriteAsync(context, write.Connection, write.Transaction, changes, actor, now, cancellationToken).ConfigureAwait(false);
        return tracked.Version;
    }
}

/// <summary>Which aggregate a command is for: its key (what <c>Decide</c> is told), its history subject, and how to read it.</summary>
internal sealed record AggregateAddress<TState>(
    string Subject,
    string Key,
    Func<DbConnection, DbTransaction, CancellationToken, Task<Versioned<TState>?>> ReadAsync);
