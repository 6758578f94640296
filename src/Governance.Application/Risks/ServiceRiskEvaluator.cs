using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using Governance.Domain.Policies;
using Governance.Storage;
using Governance.Storage.Audits;

namespace Governance.Application.Risks;

/// <summary>
/// Re-evaluates one service between fleet audits (after a change to it) from its current state, the graph facts the latest
/// succeeded audit computed for it, and the current states of the services its edges resolve to — reading a few rows, not
/// the fleet. A service that run did not audit (no audit has succeeded, or the service is newer) gets
/// <see cref="NoGraphFacts"/>: zero callers, callees and reach, no cycle, no allowed RTO and no inbound timeout, so traits
/// that rest on the graph (hubs, blast radius, cycles, dangling or deprecated dependencies, recovery slower than its tier,
/// timeouts beyond its callers' budget) wait for the next audit, while those on its own facts and its edges' targets apply at once.
/// </summary>
public static class ServiceRiskEvaluator
{
    /// <summary>The graph facts of a service no audit has placed in the graph yet.</summary>
    public static GraphFacts NoGraphFacts { get; } = new(
        FanIn: 0,
        FanOut: 0,
        TransitiveFanIn: 0,
        TransitiveFanOut: 0,
        CriticalFanIn: 0,
        CriticalFanInTier0: 0,
        BlastRadiusServices: 0,
        BlastRadiusProducts: 0,
        AllowedRtoMinutes: null,
        InCycle: false,
        DanglingDependencies: 0,
        DeprecatedDependencies: 0,
        MinInboundTimeoutMs: null);

    /// <summary>Evaluates <paramref name="service"/> (its state as it is now) against <paramref name="policies"/> at <paramref name="at"/>.</summary>
    public static async Task<ServiceRiskAssessment> EvaluateAsync(GovernanceStore store, PolicyEngine policies, ServiceState service, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(service);

        // The two reads are independent, so they run side by side.
        var graphRead = store.Audits.GetLatestGraphFactsAsync(service.Id, cancellationToken);
        var targetsRead = store.GetDependencyTargetsAsync(service, cancellationToken);
        await Task.WhenAll(graphRead, targetsRead);
        return Evaluate(policies, service, await graphRead, await targetsRead, at);
    }

    /// <summary>Evaluates <paramref name="service"/> from inputs already read: the latest run's graph facts and its dependency targets.</summary>
    public static ServiceRiskAssessment Evaluate(PolicyEngine policies, ServiceState service, RunGraphFacts? graph, IReadOnlyList<ServiceState> targets, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(targets);
        var profile = policies.EvaluateService(service, graph?.Facts ?? NoGraphFacts, targets, at);
        return new ServiceRiskAssessment(profile, at, graph?.Facts is null ? null : graph.RunId);
    }
}
