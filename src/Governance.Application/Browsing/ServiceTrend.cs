using Governance.Storage;
using Governance.Storage.Audits;

namespace Governance.Application.Browsing;

/// <summary>A service's score and level at each of the latest runs that audited it, oldest first: what its trend chart draws.</summary>
public sealed record ServiceTrend(string ServiceId, IReadOnlyList<RiskPoint> Points)
{
    public const int DefaultRuns = 20;

    public static async Task<ServiceTrend> LoadAsync(GovernanceStore store, string serviceId, int runs = DefaultRuns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new ServiceTrend(serviceId, await store.Audits.GetRiskTrendAsync(serviceId, runs, cancellationToken));
    }
}
