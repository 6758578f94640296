namespace Governance.Storage;

/// <summary>How much the store holds: services, other catalog entities by kind, and history entries.</summary>
public sealed record StoreStatistics(long Services, IReadOnlyDictionary<string, long> EntitiesByKind, long HistoryEntries);
