using Governance.Domain.Audit;
using Governance.Domain.Graph;
using Governance.Domain.Policies;
using Governance.Storage;

namespace Governance.Application.Auditing;

/// <summary>
/// One fleet audit: read the whole fleet in a few queries, compute its graph facts, evaluate every policy, and store the
/// run. The run is recorded as running first and becomes visible only when all of it is stored, or is marked failed. The
/// policies are evaluated as of now, or as of <paramref name="asOf"/> (a reproducible audit of a fixed day).
/// </summary>
public sealed class FleetAudit(GovernanceStore store, string policyDirectory, TimeProvider time, DateTimeOffset? asOf = null) : IFleetAudit
{
    /// <inheritdoc />
    public async Task<long> RunAsync(string trigger, CancellationToken cancellationToken = default)
    {
        var policies = PolicyFolder.Load(policyDirectory);

        // A run a killed process on this host left running would otherwise stay so until the age rule catches it.
        await store.Audits.RecoverOrphanedAuditsAsync(cancellationToken);
        var runId = await store.Audits.BeginAuditAsync(trigger, policies.Set.Hash, cancellationToken);
        try
        {
            var (serviceIds, graph, result) = await AuditAsync(store, policies, asOf ?? time.GetUtcNow(), cancellationToken);

            // The graph facts are kept with the run: one service is re-evaluated against them between audits.
            await store.Audits.CompleteAuditAsync(runId, result, serviceIds, graph, cancellationToken);
            return runId;
        }
        catch (Exception failure)
        {
            // The run must not stay "running": it ends failed whatever stopped it, cancellation included.
            await store.Audits.FailAuditAsync(runId, $"{failure.GetType().Name}: {failure.Message}", CancellationToken.None);
            throw;
        }
    }

    /// <summary>Evaluates <paramref name="policies"/> against the fleet in <paramref name="store"/> as of <paramref name="at"/>, storing nothing.</summary>
    public static async Task<AuditResult> EvaluateAsync(GovernanceStore store, PolicyEngine policies, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (await AuditAsync(store, policies, at, cancellationToken)).Result;

    // The audited services' ids, not the snapshot: the states can be collected while the run is stored.
    private static async Task<(string[] ServiceIds, IReadOnlyList<GraphFacts> Graph, AuditResult Result)> AuditAsync(GovernanceStore store, PolicyEngine policies, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var snapshot = await store.LoadSnapshotAsync(cancellationToken);
        var graph = FleetGraph.Compute(snapshot.Services, policies.Set.Targets);
        return ([.. snapshot.Services.Select(service => service.Id)], graph, policies.Evaluate(snapshot, graph, at));
    }
}
