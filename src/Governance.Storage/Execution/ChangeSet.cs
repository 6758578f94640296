using Governance.Domain.Catalog;
using Governance.Domain.History;
using Governance.Domain.Serialization;

namespace Governance.Storage.Execution;

/// <summary>
/// One aggregate as a transaction sees it: the version it was read at, and its state, version and JSON after the commands so far.
/// The JSON is written once here, so that the stored row and the state hash in its history entry come from the same text.
/// </summary>
internal sealed class Tracked<TState>
    where TState : class
{
    public Tracked(Versioned<TState>? stored)
    {
        StoredVersion = Version = stored?.Version ?? 0;
        Stored = State = stored?.State;
    }

    /// <summary>The version in the store when read; 0 when it did not exist.</summary>
    public long StoredVersion { get; }

    /// <summary>The state in the store when read; null when it did not exist.</summary>
    public TState? Stored { get; }

    public TState? State { get; private set; }

    public long Version { get; private set; }

    /// <summary>The JSON of <see cref="State"/> as it is stored; null until a command is accepted.</summary>
    public string? StateJson { get; private set; }

    public bool Changed => Version != StoredVersion;

    /// <summary>Takes <paramref name="state"/> at the next version and returns its <see cref="StateHash"/>.</summary>
    public string Accept(TState state)
    {
        State = state;
        StateJson = DomainJson.Serialize(state);
        Version++;
        return StateHash.Of(StateJson);
    }
}

/// <summary>A history entry waiting for its sequence number: known once the head is locked.</summary>
internal sealed record PendingEntry(string Subject, string Command, string Payload, long Version, string StateHash);

/// <summary>Everything one transaction writes: changed aggregates, and the history entries in the order the commands were accepted.</summary>
internal sealed class ChangeSet
{
    /// <summary>Services by id.</summary>
    public Dictionary<string, Tracked<ServiceState>> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>Other entities by subject (<c>kind:id</c>).</summary>
    public Dictionary<string, Tracked<CatalogEntity>> Entities { get; } = new(StringComparer.Ordinal);

    public List<PendingEntry> Entries { get; } = [];
}
