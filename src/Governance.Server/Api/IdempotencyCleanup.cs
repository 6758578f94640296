using System.Data.Common;
using Governance.Server.Hosting;

namespace Governance.Server.Api;

/// <summary>Deletes expired idempotency keys every hour; on a cluster every node does, which is harmless.</summary>
internal sealed class IdempotencyCleanup(StoreHolder holder, TimeProvider time, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                var purged = await holder.Store.Idempotency.PurgeExpiredAsync(stoppingToken);
                if (purged > 0)
                {
                    ApiLog.KeysPurged(logger, purged);
                }
            }
            catch (DbException failure)
            {
                ApiLog.PurgeFailed(logger, failure, Period);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
