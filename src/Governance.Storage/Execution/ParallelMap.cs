using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Governance.Storage.Execution;

/// <summary>
/// Maps many rows on every core, in chunks on the thread pool, overlapping the mapping with the reading or writing of
/// rows: what turning 100,000 rows into or out of JSON needs to stay within the audit's budget.
/// </summary>
internal static class ParallelMap
{
    // Small enough that the first chunk starts early, large enough that a task costs nothing next to its work.
    private const int ChunkSize = 1_024;

    // Enough chunks in flight to keep every core busy while the consumer writes one.
    private static readonly int Lookahead = Environment.ProcessorCount * 2;

    /// <summary>
    /// Maps <paramref name="items"/> chunk by chunk on the pool and hands the chunks out in order as they are ready, so
    /// that the consumer (writing rows) works while later chunks are still being mapped. Only a few chunks run ahead of
    /// the consumer: mapping is faster than writing, and rows mapped far ahead would all wait in memory at once.
    /// </summary>
    public static IAsyncEnumerable<TOut[]> MapAheadAsync<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, CancellationToken cancellationToken) =>
        MapAheadAsync(items.Count, index => map(items[index]), cancellationToken);

    /// <summary>As <see cref="MapAheadAsync{TIn, TOut}(IReadOnlyList{TIn}, Func{TIn, TOut}, CancellationToken)"/>, over the positions 0 … <paramref name="count"/> - 1.</summary>
    public static async IAsyncEnumerable<TOut[]> MapAheadAsync<TOut>(int count, Func<int, TOut> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A consumer that stops early (its write failed) leaves no chunk still to start.
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = new Queue<Task<TOut[]>>();
        var next = 0;
        try
        {
            while (next < count || ahead.Count > 0)
            {
                for (; ahead.Count < Lookahead && next < count; next += ChunkSize)
                {
                    ahead.Enqueue(MapLater(next, Math.Min(next + ChunkSize, count), map, abandoned.Token));
                }

                yield return await ahead.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            await abandoned.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Reads every row with <paramref name="read"/> (cheap, on this thread) and maps them with <paramref name="map"/> on the pool, keeping their order.</summary>
    public static async Task<List<TOut>> ReadAsync<TRow, TOut>(DbDataReader reader, Func<DbDataReader, TRow> read, Func<TRow, TOut> map, CancellationToken cancellationToken)
    {
        var chunks = new List<Task<TOut[]>>();
        var chunk = new List<TRow>(ChunkSize);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(read(reader));
            if (chunk.Count == ChunkSize)
            {
                chunks.Add(MapLater(chunk, map, cancellationToken));
                chunk = new List<TRow>(ChunkSize);
            }
        }

        chunks.Add(MapLater(chunk, map, cancellationToken));
        var mapped = await Task.WhenAll(chunks).ConfigureAwait(false);
        var results = new List<TOut>(mapped.Sum(part => part.Length));
        foreach (var part in mapped)
        {
            results.AddRange(part);
        }

        return results;
    }

    /// <summary>
    /// Reads rows with <paramref name="read"/> (cheap, on this thread) and hands them out mapped by <paramref name="map"/>, in
    /// order, chunk by chunk, while the pool maps the next few: for a consumer that writes each row out and keeps none, so
    /// that only a few chunks are ever in memory.
    /// </summary>
    public static async IAsyncEnumerable<TOut[]> StreamAsync<TRow, TOut>(DbDataReader reader, Func<DbDataReader, TRow> read, Func<TRow, TOut> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ahead = new Queue<Task<TOut[]>>();
        var chunk = new List<TRow>(ChunkSize);
        var more = true;
        try
        {
            while (more || ahead.Count > 0)
            {
                while (more && ahead.Count < Lookahead)
                {
                    more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (more)
                    {
                        chunk.Add(read(reader));
                    }

                    if (chunk.Count == ChunkSize || (!more && chunk.Count > 0))
                    {
                        ahead.Enqueue(MapLater(chunk, map, abandoned.Token));
                        chunk = new List<TRow>(ChunkSize);
                    }
                }

                if (ahead.Count > 0)
                {
                    yield return await ahead.Dequeue().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await abandoned.CancelAsync().ConfigureAwait(false);
        }
    }

    private static Task<TOut[]> MapLater<TIn, TOut>(List<TIn> items, Func<TIn, TOut> map, CancellationToken cancellationToken) =>
        MapLater(0, items.Count, index => map(items[index]), cancellationToken);

    private static Task<TOut[]> MapLater<TOut>(int first, int end, Func<int, TOut> map, CancellationToken cancellationToken) =>
        Task.Run(
            () =>
            {
                var mapped = new TOut[end - first];
                for (var i = first; i < end; i++)
                {
                    mapped[i - first] = map(i);
                }

                return mapped;
            },
            cancellationToken);
}
