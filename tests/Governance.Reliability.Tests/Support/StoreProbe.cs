using Governance.Storage;
using Governance.Storage.Audits;

namespace Governance.Reliability.Tests.Support;

/// <summary>Reads a point's store in this process once the killed process is gone (or beside a live server: SQLite in WAL mode).</summary>
public sealed class StoreProbe : IAsyncDisposable
{
    private readonly GovernanceStore _store;

    private StoreProbe(GovernanceStore store) => _store = store;

    public static async Task<StoreProbe> OpenAsync(string database) =>
        new(await GovernanceStore.OpenExistingAsync(database, TimeProvider.System));

    public async Task<long> CountServicesAsync() => (await _store.GetStatisticsAsync()).Services;

    public async Task<IReadOnlyList<string>> ServiceIdsAsync() =>
        [.. (await _store.ListServicesAsync(ServiceQuery.All)).Select(service => service.State.Id)];

    /// <summary>Every audit run, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRun>> AuditRunsAsync() =>
        [.. (await _store.Audits.ListAuditsAsync(1000)).OrderBy(run => run.Id)];

    /// <summary>The ids of the remediation items <paramref name="serviceId"/> has.</summary>
    public async Task<IReadOnlySet<string>> RemediationItemIdsAsync(string serviceId) =>
        (await _store.GetServiceAsync(serviceId))?.State.RemediationItems.Select(item => item.Id).ToHashSet() ?? [];

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
