namespace Governance.Domain.History;

/// <summary>A current state row as stored, with the last history entry of its subject (all null when it has none).</summary>
public sealed record StoredStateRow(string Subject, long Version, string StateJson, long? LastSequence, long? LastVersion, string? LastStateHash);

/// <summary>A state that is not the one its history produced.</summary>
public sealed record StateMismatch(string Subject, string Problem)
{
    public override string ToString() => $"{Subject}: {Problem}";
}

/// <summary>The outcome of checking every current state against its history.</summary>
public sealed record StateVerification(long StatesChecked, long StatesNotCovered, long MismatchCount, IReadOnlyList<StateMismatch> Mismatches)
{
    public bool IsIntact => MismatchCount == 0;
}

/// <summary>
/// Checks each current state row against the last history entry of its subject: the row must be at that entry's version and
/// hash to the state hash the entry recorded. Rows whose last entry predates state hashes are counted as not covered. Fed
/// one row at a time; keeps the first <see cref="MaxListed"/> mismatches and counts the rest.
/// </summary>
public sealed class StateVerifier
{
    public const int MaxListed = 100;

    private readonly List<StateMismatch> _listed = [];
    private long _checked;
    private long _notCovered;
    private long _mismatches;

    public void Accept(StoredStateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _checked++;
        if (Inspect(row) is { } problem)
        {
            Report(new StateMismatch(row.Subject, problem));
        }
    }

    /// <summary>A subject the history has entries for, but no current state row.</summary>
    public void AcceptMissingRow(string subject, long lastSequence) =>
        Report(new StateMismatch(subject, $"its history (last entry {lastSequence}) has no current state row: the row was deleted outside the product"));

    public StateVerification Finish() => new(_checked, _notCovered, _mismatches, [.. _listed]);

    private string? Inspect(StoredStateRow row)
    {
        if (row.LastSequence is not { } sequence)
        {
            return "the state row has no history: it was written outside the product";
        }

        if (row.LastVersion != row.Version)
        {
            return $"the row is at version {row.Version} but its history ends at version {row.LastVersion} (entry {sequence}): it was edited outside the product";
        }

        if (row.LastStateHash is null)
        {
            // Written before states were hashed: covered from its next change on.
            _notCovered++;
            return null;
        }

        return StateHash.Of(row.StateJson) == row.LastStateHash
            ? null
            : $"the state is not the one entry {sequence} recorded: it was edited outside the product";
    }

    private void Report(StateMismatch mismatch)
    {
        _mismatches++;
        if (_listed.Count < MaxListed)
        {
            _listed.Add(mismatch);
        }
    }
}
