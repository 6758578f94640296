namespace Governance.Storage;

/// <summary>The aggregate's stored version is not the one the write was based on: someone else changed it first.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string subject, long expectedVersion, long actualVersion)
        : base($"Concurrency conflict on {subject}: expected version {expectedVersion}, but the stored version is {actualVersion}.")
    {
        Subject = subject;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The history subject of the aggregate, for example <c>service:checkout</c>; <c>history_head</c> when the head of the history moved.</summary>
    public string Subject { get; }

    /// <summary>The version the write was based on; 0 means "does not exist yet".</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version found in the store; 0 means the aggregate does not exist.</summary>
    public long ActualVersion { get; }
}
