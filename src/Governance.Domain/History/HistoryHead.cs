namespace Governance.Domain.History;

/// <summary>The last entry's sequence and hash, kept beside the log so that removing its tail is detected too.</summary>
public sealed record HistoryHead(long Sequence, string Hash)
{
    public static readonly HistoryHead Empty = new(0, HistoryEntry.GenesisHash);

    /// <summary>The head after <paramref name="entry"/>.</summary>
    public static HistoryHead After(HistoryEntry entry) => new(entry.Sequence, entry.Hash);
}
