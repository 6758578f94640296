namespace Governance.Storage;

/// <summary>What became of persisting a decided state: committed with its history entry, or refused as stale with nothing written.</summary>
public abstract record CommitOutcome
{
    private CommitOutcome()
    {
    }

    /// <summary>The state is stored at <see cref="Version"/>, its history entry recorded at <see cref="At"/>.</summary>
    public sealed record Committed(long Version, DateTimeOffset At) : CommitOutcome;

    /// <summary>The stored version was not the base version: someone wrote first. <see cref="StoredVersion"/> is what is there now (0: absent).</summary>
    public sealed record Stale(long StoredVersion) : CommitOutcome;
}
