using Governance.Application.Auditing;
using Governance.Domain.Audit;
using Governance.Domain.Graph;
using Governance.Domain.Policies;
using Governance.Server.Hosting;

namespace Governance.Server.Tests.Support;

/// <summary>
/// A real, simple fleet audit: records a run through the store with a result over the real snapshot, evaluating no
/// traits. It stands where the policy engine's audit will, and reports to the <see cref="AuditProbe"/>.
/// </summary>
public sealed class SnapshotFleetAudit(StoreHolder holder, TimeProvider time, AuditProbe probe) : IFleetAudit
{
    public const string PolicySetHash = "sha256:no-policies";

    public async Task<long> RunAsync(string trigger, CancellationToken cancellationToken = default)
    {
        var audits = holder.Store.Audits;
        var runId = await audits.BeginAuditAsync(trigger, PolicySetHash, cancellationToken);
        probe.Entered(runId);
        try
        {
            if (probe.Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            var snapshot = await holder.Store.LoadSnapshotAsync(cancellationToken);
            var graph = FleetGraph.Compute(snapshot.Services, new TierTargets([]));
            await audits.CompleteAuditAsync(runId, new AuditResult(time.GetUtcNow(), PolicySetHash, 0, snapshot.Services.Count, []), snapshot.Services, graph, cancellationToken);
            return runId;
        }
        catch (Exception exception)
        {
            await audits.FailAuditAsync(runId, exception.Message, CancellationToken.None);
            throw;
        }
        finally
        {
            probe.Completed(runId);
        }
    }
}
