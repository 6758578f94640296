using System.Data.Common;
using Governance.Domain.History;
using Governance.Storage.Execution;

namespace Governance.Storage.Verification;

/// <summary>
/// Verifies a store in one snapshot, so that writes going on meanwhile are never mistaken for tampering: the hash chain (from
/// the checkpoint, when incremental), then every current state against the last entry of its subject. Recording the outcome
/// is a separate write, so that verifying never waits for a writer.
/// </summary>
internal sealed class StoreVerifier(StoreContext context)
{
    private readonly HistoryVerificationTable _verifications = new(context.Dialect);

    public async Task<HistoryVerification> VerifyAsync(VerificationScope scope, CancellationToken cancellationToken)
    {
        var verifiedAt = context.TimeProvider.GetUtcNow();
        var started = context.TimeProvider.GetTimestamp();
        HistoryVerification verification;
        await using (var connection = await context.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await context.Dialect.BeginSnapshotAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            var checkpoint = scope == VerificationScope.Incremental
                ? (await _verifications.ReadLatestAsync(connection, transaction, intactOnly: true, cancellationToken).ConfigureAwait(false))?.Head
                : null;
            var chain = await VerifyChainAsync(connection, transaction, checkpoint, cancellationToken).ConfigureAwait(false);
            var states = await VerifyStatesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var fromSequence = (checkpoint?.Sequence ?? 0) + 1;
            verification = new HistoryVerification(verifiedAt, scope, fromSequence, chain, states, context.TimeProvider.GetElapsedTime(started));
        }

        return verification;
    }

    public async Task<VerificationRecord?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await context.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await _verifications.ReadLatestAsync(connection, null, intactOnly: false, cancellationToken).ConfigureAwait(false);
    }

    // Hashing is most of the work: entries are read in chunks, each chunk's hashes recomputed on every core while the next
    // chunk is read, then checked in order.
    private async Task<ChainVerification> VerifyChainAsync(DbConnection connection, DbTransaction transaction, HistoryHead? checkpoint, CancellationToken cancellationToken)
    {
        var head = await context.History.ReadHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var verifier = new ChainVerifier(checkpoint);
        var entries = context.History.ReadAsync(connection, transaction, null, (checkpoint?.Sequence ?? 0) + 1, cancellationToken);
        await foreach (var chunk in HashedChunks.ReadAsync(entries, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < chunk.Entries.Count; i++)
            {
                if (!verifier.Accept(chunk.Entries[i], chunk.Hashes[i]))
                {
                    return verifier.Finish(head);
                }
            }
        }

        return verifier.Finish(head);
    }

    private static async Task<StateVerification> VerifyStatesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var verifier = new StateVerifier();
        var subjectsWithRows = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in StateRowReader.ReadAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
        {
            verifier.Accept(row);
            subjectsWithRows.Add(row.Subject);
        }

        await foreach (var (subject, lastSequence) in StateRowReader.ReadSubjectsAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
        {
            if (!subjectsWithRows.Contains(subject))
            {
                verifier.AcceptMissingRow(subject, lastSequence);
            }
        }

        return verifier.Finish();
    }

    public async Task RecordAsync(VerificationRecord record, CancellationToken cancellationToken)
    {
        await using var write = await context.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await _verifications.RecordAsync(write.Connection, write.Transaction, record, cancellationToken).ConfigureAwait(false);
        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
