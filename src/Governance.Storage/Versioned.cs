namespace Governance.Storage;

/// <summary>A stored aggregate state with its version (the ETag) and the time it was last written.</summary>
public sealed record Versioned<T>(T State, long Version, DateTimeOffset UpdatedAt);
