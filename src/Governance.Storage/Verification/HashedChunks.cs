using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Governance.Domain.History;

namespace Governance.Storage.Verification;

/// <summary>Entries in reading order, a chunk at a time, each with its hash recomputed: reading and hashing overlap.</summary>
internal static class HashedChunks
{
    private const int ChunkSize = 1024;

    public static async IAsyncEnumerable<(List<HistoryEntry> Entries, string[] Hashes)> ReadAsync(
        IAsyncEnumerable<HistoryEntry> entries,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var read = Channel.CreateBounded<List<HistoryEntry>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = ReadChunksAsync(entries, read.Writer, stop.Token);
        try
        {
            await foreach (var chunk in read.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                var hashes = new string[chunk.Count];
                Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = stop.Token }, i => hashes[i] = chunk[i].Recompute());
                yield return (chunk, hashes);
            }

            await reader.ConfigureAwait(false);
        }
        finally
        {
            // The consumer stopped early (a break was found) or failed: the reader must not go on reading.
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(reader).ConfigureAwait(false);
        }
    }

    private static async Task ReadChunksAsync(IAsyncEnumerable<HistoryEntry> entries, ChannelWriter<List<HistoryEntry>> writer, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var chunk = new List<HistoryEntry>(ChunkSize);
            await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                chunk.Add(entry);
                if (chunk.Count == ChunkSize)
                {
                    await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                    chunk = new List<HistoryEntry>(ChunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                await writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }
}
