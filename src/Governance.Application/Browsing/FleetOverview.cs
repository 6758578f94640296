using Governance.Domain.Catalog;
using Governance.Storage;
using Governance.Storage.Audits;
using Governance.Storage.Browsing;

namespace Governance.Application.Browsing;

/// <summary>How many of each list the overview holds.</summary>
public sealed record FleetOverviewLimits(int Riskiest = 10, int Hubs = 10, int Teams = 10, int Programmes = 10)
{
    public static readonly FleetOverviewLimits Default = new();
}

/// <summary>How many services there are of one tier (null: unclassified).</summary>
public sealed record TierCount(int? Tier, int Services);

/// <summary>How many services one unit of failure takes down (null: footprint not yet known).</summary>
public sealed record ExposureCount(UnitOfFailure? Exposure, int Services);

/// <summary>
/// The fleet at a glance, for leaders: its services by tier and by exposure, remediation progress, and what the latest
/// succeeded audit found (null before the first). Read in a few indexed queries, never a scan of states.
/// </summary>
public sealed record FleetOverview(
    int Services,
    IReadOnlyList<TierCount> Tiers,
    IReadOnlyList<ExposureCount> Exposures,
    IReadOnlyList<TierExposureCount> TierExposures,
    RemediationProgress Remediation,
    AuditOverview? LatestAudit)
{
    /// <summary>The overview of <paramref name="store"/> now; an item in flight whose due date is before today (UTC) is overdue.</summary>
    public static async Task<FleetOverview> LoadAsync(GovernanceStore store, TimeProvider time, FleetOverviewLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        limits ??= FleetOverviewLimits.Default;
        var counts = await store.CountServicesAsync(cancellationToken);
        var tallies = await store.TallyRemediationAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
        var latest = await store.Audits.GetLatestSucceededRunAsync(cancellationToken);
        return new FleetOverview(
            counts.Sum(count => count.Services),
            [.. counts.GroupBy(count => count.Tier).Select(group => new TierCount(group.Key, group.Sum(count => count.Services)))],
            [.. counts.GroupBy(count => count.Exposure).OrderBy(group => group.Key ?? (UnitOfFailure)int.MaxValue).Select(group => new ExposureCount(group.Key, group.Sum(count => count.Services)))],
            counts,
            RemediationProgress.Of(tallies, limits),
            latest is null ? null : await AuditOverview.LoadAsync(store, latest, limits, cancellationToken));
    }
}

/// <summary>What one succeeded run found: its changes since the run before (null when not known), its services by tier and level, its riskiest services and its critical-path hubs.</summary>
public sealed record AuditOverview(
    AuditRun Run,
    AuditRunChanges? Changes,
    IReadOnlyList<TierRiskCount> RiskByTier,
    IReadOnlyList<RankedService> Riskiest,
    IReadOnlyList<CriticalPathHub> Hubs)
{
    public static async Task<AuditOverview> LoadAsync(GovernanceStore store, AuditRun run, FleetOverviewLimits limits, CancellationToken cancellationToken = default) => new(
        run,
        await store.Audits.GetChangesAsync(run.Id, cancellationToken),
        await store.Audits.GetRiskByTierAsync(run.Id, cancellationToken),
        await store.Audits.ListRiskiestAsync(run.Id, limits.Riskiest, cancellationToken),
        await store.Audits.ListHubsAsync(run.Id, limits.Hubs, cancellationToken));
}
