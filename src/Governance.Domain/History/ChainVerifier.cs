namespace Governance.Domain.History;

/// <summary>The first place the history stops being the chain that was written.</summary>
public sealed record ChainBreak(long Sequence, string Problem)
{
    public override string ToString() => $"entry {Sequence}: {Problem}";
}

/// <summary>The outcome of checking the whole chain.</summary>
public sealed record ChainVerification(long EntriesChecked, HistoryHead Head, ChainBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}

/// <summary>
/// Recomputes the hash chain entry by entry, in sequence order, and names the first entry that was edited,
/// removed or moved. Fed one entry at a time so that a long history is never held in memory. It starts at the
/// genesis, or after a checkpoint: an entry verified before, whose hash the next entry must carry.
/// </summary>
public sealed class ChainVerifier
{
    // How far from its place a moved entry is looked for; only paid once a break is found.
    private const int MovedEntrySearchWindow = 1000;

    private readonly HistoryHead _start;
    private long _expectedSequence;
    private string _previousHash;
    private HistoryEntry? _last;
    private long _checked;

    public ChainVerifier(HistoryHead? checkpoint = null)
    {
        _start = checkpoint ?? HistoryHead.Empty;
        _expectedSequence = _start.Sequence + 1;
        _previousHash = _start.Hash;
    }

    public ChainBreak? FirstBreak { get; private set; }

    /// <summary>Checks the next entry; returns false once the chain is broken.</summary>
    public bool Accept(HistoryEntry entry) => Accept(entry, entry.Recompute());

    /// <summary>Checks the next entry, whose hash <paramref name="recomputedHash"/> was recomputed ahead (in parallel, for a long history).</summary>
    public bool Accept(HistoryEntry entry, string recomputedHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (FirstBreak is not null)
        {
            return false;
        }

        FirstBreak = Inspect(entry, recomputedHash);
        if (FirstBreak is not null)
        {
            return false;
        }

        _checked++;
        _expectedSequence = entry.Sequence + 1;
        _previousHash = entry.Hash;
        _last = entry;
        return true;
    }

    /// <summary>Ends the check against the head the store keeps.</summary>
    public ChainVerification Finish(HistoryHead storedHead)
    {
        var reached = new HistoryHead(_expectedSequence - 1, _previousHash);
        if (FirstBreak is null && storedHead.Sequence > reached.Sequence)
        {
            FirstBreak = new ChainBreak(reached.Sequence + 1, $"missing: the log ends at entry {reached.Sequence} but {storedHead.Sequence} were written (entries were deleted)");
        }
        else if (FirstBreak is null && storedHead != reached)
        {
            FirstBreak = new ChainBreak(reached.Sequence, $"the log's last entry does not match the recorded head (sequence {storedHead.Sequence}, hash {storedHead.Hash})");
        }

        return new ChainVerification(_checked, reached, FirstBreak);
    }

    private ChainBreak? Inspect(HistoryEntry entry, string recomputedHash)
    {
        if (entry.Sequence > _expectedSequence)
        {
            var range = entry.Sequence - 1 == _expectedSequence ? $"{_expectedSequence}" : $"{_expectedSequence}–{entry.Sequence - 1}";
            return new ChainBreak(_expectedSequence, $"missing: entry {range} was deleted (the next entry present is {entry.Sequence})");
        }

        if (entry.Sequence < _expectedSequence)
        {
            return new ChainBreak(entry.Sequence, $"duplicate or out of order: entry {entry.Sequence} appears after entry {_expectedSequence - 1}");
        }

        if (recomputedHash != entry.Hash)
        {
            return FindOriginalPlace(entry) is { } original
                ? new ChainBreak(entry.Sequence, $"reordered: it holds what was recorded as entry {original}")
                : new ChainBreak(entry.Sequence, "edited: its content no longer matches its hash");
        }

        if (entry.PreviousHash == _previousHash)
        {
            return null;
        }

        if (_last is not { } last)
        {
            return _start == HistoryHead.Empty
                ? new ChainBreak(entry.Sequence, "edited: its hash was recomputed, but its previous hash is not the genesis hash")
                : new ChainBreak(_start.Sequence, $"edited since it was verified: entry {entry.Sequence} no longer follows the hash it had then");
        }

        // This entry is intact and in its place, so the one before it is not the entry it was chained to: that one was
        // rewritten with a hash to match, and is the first bad entry; it no longer counts as checked.
        _checked--;
        _expectedSequence = last.Sequence;
        _previousHash = last.PreviousHash;
        return new ChainBreak(last.Sequence, $"edited: its hash was recomputed, so entry {entry.Sequence} no longer follows it");
    }

    private long? FindOriginalPlace(HistoryEntry entry)
    {
        for (var distance = 1; distance <= MovedEntrySearchWindow; distance++)
        {
            foreach (var candidate in new[] { entry.Sequence + distance, entry.Sequence - distance })
            {
                if (candidate > 0 && entry.Recompute(candidate) == entry.Hash)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
