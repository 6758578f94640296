using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Domain.Policies;

/// <summary>The graph facts, and the facts of the items of the <c>dependencies</c> and <c>dataStores</c> collections.</summary>
internal static class ItemFacts
{
    public static IEnumerable<FactDefinition> All() => [.. Graph(), .. Edge(), .. Target(), .. Store()];

    private static IEnumerable<FactDefinition> Graph() =>
    [
        Define.Number("fanIn", FactScope.Graph, "distinct direct callers (resolved edges only)", c => c.Graph.FanIn),
        Define.Number("fanOut", FactScope.Graph, "distinct direct callees (resolved edges only)", c => c.Graph.FanOut),
        Define.Number("transitiveFanIn", FactScope.Graph, "distinct services that reach it", c => c.Graph.TransitiveFanIn),
        Define.Number("transitiveFanOut", FactScope.Graph, "distinct services it reaches", c => c.Graph.TransitiveFanOut),
        Define.Number("criticalFanIn", FactScope.Graph, "distinct direct callers on a synchronous critical-path edge", c => c.Graph.CriticalFanIn),
        Define.Number("criticalFanInTier0", FactScope.Graph, "the same, counting tier-0 callers only", c => c.Graph.CriticalFanInTier0),
        Define.Number("blastRadius.services", FactScope.Graph, "services that fail with it: callers over hard edges, transitively",
            c => c.Graph.BlastRadiusServices),
        Define.Number("blastRadius.products", FactScope.Graph, "distinct products of the service and its blast radius", c => c.Graph.BlastRadiusProducts),
        Define.Number("allowedRtoMinutes", FactScope.Graph, "the largest tier-target RTO among the services it reaches over hard edges",
            c => c.Graph.AllowedRtoMinutes),
        Define.Bool("inCycle", FactScope.Graph, "on a dependency cycle", c => c.Graph.InCycle),
        Define.Number("danglingDependencies", FactScope.Graph, "dependencies whose target is not in the catalog", c => c.Graph.DanglingDependencies),
        Define.Number("deprecatedDependencies", FactScope.Graph, "dependencies on services whose lifecycle is deprecated", c => c.Graph.DeprecatedDependencies),
        Define.Number("minInboundTimeoutMs", FactScope.Graph, "the smallest timeout any caller sets on its calls to it; unknown when none sets one",
            c => c.Graph.MinInboundTimeoutMs),
    ];

    private static IEnumerable<FactDefinition> Edge() =>
    [
        Define.Text("edge.target", FactScope.Edge, "the target's id, or api:NAME", c => c.Edge!.Target),
        Define.Bool("edge.criticalPath", FactScope.Edge, "the caller's request fails when this call fails", c => c.Edge!.CriticalPath),
        Define.Bool("edge.synchronous", FactScope.Edge, "the caller waits for the answer", c => c.Edge!.Synchronous),
        Define.Bool("edge.clientCache", FactScope.Edge, "the caller can serve from its cache while the target is down", c => c.Edge!.ClientCache),
        Define.Bool("edge.gracefulDegradation", FactScope.Edge, "the caller serves a reduced answer when the target fails", c => c.Edge!.GracefulDegradation),
        Define.Bool("edge.circuitBreaker", FactScope.Edge, "the caller stops calling a failing target for a while", c => c.Edge!.CircuitBreaker),
        Define.Number("edge.timeoutMs", FactScope.Edge, "the caller's timeout; unknown (none) when it waits without limit", c => c.Edge!.TimeoutMs, unknownAs: "none"),
        Define.Number("edge.retries", FactScope.Edge, "how many times the caller retries a failed call", c => c.Edge!.Retries),
        Define.Bool("edge.hard", FactScope.Edge, "synchronous, critical path, no graceful degradation, no client cache", c => c.Edge!.IsHard),
    ];

    private static IEnumerable<FactDefinition> Target() =>
    [
        Define.Bool("target.exists", FactScope.Target, "the target is in the catalog (an API: some service provides it)", c => c.EdgeTarget is not null),
        Define.Number("target.tier", FactScope.Target, "the target's tier", c => c.EdgeTarget?.Profile.Tier),
        Define.Text("target.lifecycle", FactScope.Target, "the target's lifecycle", c => c.EdgeTarget?.Profile.Lifecycle),
        Define.Unit("target.exposure", FactScope.Target, "the target's exposure", c => c.EdgeTarget?.Footprint?.Exposure),
    ];

    private static IEnumerable<FactDefinition> Store() =>
    [
        Define.Text("store.name", FactScope.Store, "the store's name", c => c.Store!.Name),
        Define.Text("store.engine", FactScope.Store, "mysql, postgresql, redis, kafka, …", c => c.Store!.Engine),
        Define.Text("store.primitive", FactScope.Store, "the availability primitive: single-instance, in-memory-distributed, distributed-queue, …",
            c => KebabNames<AvailabilityPrimitive>.Of(c.Store!.Primitive)),
        Define.Unit("store.unitOfFailure", FactScope.Store, "the smallest unit of failure whose loss takes the store down", c => c.Store!.UnitOfFailure),
    ];
}
