namespace Governance.Domain.Graph;

/// <summary>
/// One service's place in the dependency graph, computed for the whole fleet at once. Counts are of distinct services
/// over resolved edges; a hard edge is synchronous, on the critical path, without graceful degradation or a client cache.
/// </summary>
public sealed record GraphFacts(
    int FanIn,
    int FanOut,
    int TransitiveFanIn,
    int TransitiveFanOut,
    int CriticalFanIn,
    int CriticalFanInTier0,
    int BlastRadiusServices,
    int BlastRadiusProducts,
    int? AllowedRtoMinutes,
    bool InCycle,
    int DanglingDependencies,
    int DeprecatedDependencies,
    int? MinInboundTimeoutMs);
