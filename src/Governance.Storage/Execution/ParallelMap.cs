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

    /// <summary>
    /// Maps <paramref name="items"/> chunk by chunk on the pool and hands the chunks out in order as they are ready, so
    /// that the consumer (writing rows) works while later chunks are still being mapped.
    /// </summary>
    public static async IAsyncEnumerable<TOut[]> MapAheadAsync<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A consumer that stops early (its write failed) leaves no chunk still to start.
        using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = new List<Task<TOut[]>>();
        for (var start = 0; start < items.Count; start += ChunkSize)
        {
            var first = start;
            var end = Math.Min(start + ChunkSize, items.Count);
            chunks.Add(Task.Run(
                () =>
                {
                    var mapped = new TOut[end - first];
                    for (var i = first; i < end; i++)
                    {
                        mapped[i - first] = map(items[i]);
                    }

                    return mapped;
                },
                abandoned.Token));
        }

        try
        {
            foreach (var chunk in chunks)
            {
                yield return await chunk.ConfigureAwait(false);
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

    private static Task<TOut[]> MapLater<TRow, TOut>(List<TRow> rows, Func<TRow, TOut> map, CancellationToken cancellationToken) =>
        Task.Run(() => rows.Select(map).ToArray(), cancellationToken);
}
