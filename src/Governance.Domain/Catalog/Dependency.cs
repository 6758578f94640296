using System.Text.Json.Serialization;

namespace Governance.Domain.Catalog;

/// <summary>
/// An outgoing edge caller → <see cref="Target"/>, with the attributes that decide its blast radius (seed 002).
/// A target is a service id, or <c>api:NAME</c> for an API that some service provides.
/// </summary>
public sealed record Dependency(string Target)
{
    /// <summary>On the request's critical path: the caller's request fails when this call fails.</summary>
    public bool CriticalPath { get; init; } = true;

    /// <summary>The caller waits for the answer (false: fire-and-forget, queued).</summary>
    public bool Synchronous { get; init; } = true;

    /// <summary>Client-side timeout in milliseconds; null means the caller waits without limit.</summary>
    public int? TimeoutMs { get; init; }

    /// <summary>The caller caches answers and can serve from the cache while the target is down.</summary>
    public bool ClientCache { get; init; }

    /// <summary>The caller degrades gracefully (serves a reduced answer) when the target fails.</summary>
    public bool GracefulDegradation { get; init; }

    /// <summary>How many times the caller retries a failed call.</summary>
    public int Retries { get; init; }

    /// <summary>The caller stops calling a failing target for a while instead of piling on.</summary>
    public bool CircuitBreaker { get; init; }

    /// <summary>Synchronous and on the critical path: the caller's request fails when this call fails.</summary>
    [JsonIgnore]
    public bool IsCritical => CriticalPath && Synchronous;

    /// <summary>Critical with neither graceful degradation nor a client cache: the caller fails with the target, so failure spreads.</summary>
    [JsonIgnore]
    public bool IsHard => IsCritical && !GracefulDegradation && !ClientCache;

    /// <summary>True when the target names an API rather than a service.</summary>
    [JsonIgnore]
    public bool IsApi => Target.StartsWith(EntityRefs.ApiPrefix, StringComparison.Ordinal);
}
