using System.Data.Common;
using Governance.Domain.History;
using Governance.Storage.Writing;

namespace Governance.Storage.Execution;

/// <summary>Writes a <see cref="ChangeSet"/> inside the caller's transaction: states first, then the history entries and the head.</summary>
internal static class ChangeWriter
{
    public static async Task WriteAsync(StoreContext context, DbConnection connection, DbTransaction transaction, ChangeSet changes, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var writer = RowWriter.Create(connection, transaction);

        // Rows are written in key order and the head is locked last, so that two transactions never wait for each other in a circle.
        foreach (var (_, tracked) in changes.Services.Where(pair => pair.Value.Changed).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            await context.Services.WriteAsync(writer, tracked, now, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (_, tracked) in changes.Entities.Where(pair => pair.Value.Changed).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            await context.Entities.WriteStateAsync(writer, tracked, now, cancellationToken).ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (changes.Entries.Count == 0)
        {
            return;
        }

        var start = await context.History.LockHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var head = start;
        foreach (var pending in changes.Entries)
        {
            var entry = HistoryEntry.Create(head.Sequence + 1, now, actor, pending.Subject, pending.Command, pending.Payload, pending.Version, head.Hash, pending.StateHash);
            await context.History.AppendAsync(writer, entry, cancellationToken).ConfigureAwait(false);
            head = HistoryHead.After(entry);
        }

        await context.History.MoveHeadAsync(writer, start, head, cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
