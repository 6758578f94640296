using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Grains.Contracts;

namespace Governance.Server.Services;

/// <summary>The API's thin facade over service grains: one grain per service id, reached through the cluster.</summary>
public sealed class ServiceGrains(IGrainFactory grains, TimeProvider time)
{
    // A dead node's grains come back on another node once the cluster has declared it dead (seconds: Governance:Cluster);
    // until then a call to one is rejected unsent, and is sent again.
    private static readonly TimeSpan FailoverWindow = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>The service id a route names: <c>ops%2Fcheckout</c> is <c>ops/checkout</c>; kind and namespace as the catalog writes them.</summary>
    public static string IdOf(string routeValue) => EntityRefs.Normalize(Uri.UnescapeDataString(routeValue), "component");

    public Task<ServiceSnapshot?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(id, grain => grain.GetAsync().WaitAsync(cancellationToken), cancellationToken);

    public Task<ServiceRisks?> GetRisksAsync(string id, CancellationToken cancellationToken = default) =>
        CallAsync(id, grain => grain.GetRisksAsync().WaitAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> on the service's grain. A call that has reached the grain is not abandoned when the
    /// caller goes away: the write finishes, and its outcome is kept for an idempotent retry.
    /// </summary>
    public Task<CommandReply> ExecuteAsync(string id, ServiceCommand command, string actor, long? expectedVersion, CancellationToken cancellationToken = default) =>
        CallAsync(id, grain => grain.ExecuteAsync(ServiceCommandRequest.For(command, actor, expectedVersion)), cancellationToken);

    private async Task<T> CallAsync<T>(string id, Func<IServiceGrain, Task<T>> call, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                return await call(grains.GetGrain<IServiceGrain>(id));
            }
            catch (OrleansMessageRejectionException) when (time.GetElapsedTime(started) < FailoverWindow)
            {
                await Task.Delay(RetryEvery, time, cancellationToken);
            }
        }
    }
}
