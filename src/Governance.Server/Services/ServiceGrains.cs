using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Grains.Contracts;

namespace Governance.Server.Services;

/// <summary>The API's thin facade over service grains: one grain per service id, reached through the cluster.</summary>
public sealed class ServiceGrains(IGrainFactory grains)
{
    /// <summary>The service id a route names: <c>ops%2Fcheckout</c> is <c>ops/checkout</c>; kind and namespace as the catalog writes them.</summary>
    public static string IdOf(string routeValue) => EntityRefs.Normalize(Uri.UnescapeDataString(routeValue), "component");

    public Task<ServiceSnapshot?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Grain(id).GetAsync().WaitAsync(cancellationToken);

    public Task<ServiceRisks?> GetRisksAsync(string id, CancellationToken cancellationToken = default) =>
        Grain(id).GetRisksAsync().WaitAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> on the service's grain. Not abandoned when the caller goes away: a write that has
    /// reached the grain finishes, and its outcome is kept for an idempotent retry.
    /// </summary>
    public Task<CommandReply> ExecuteAsync(string id, ServiceCommand command, string actor, long? expectedVersion, CancellationToken cancellationToken = default) =>
        Grain(id).ExecuteAsync(ServiceCommandRequest.For(command, actor, expectedVersion));

    private IServiceGrain Grain(string id) => grains.GetGrain<IServiceGrain>(id);
}
