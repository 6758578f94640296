using Governance.Server.Hosting;

namespace Governance.Server.Health;

/// <summary><c>GET /health</c>: the store answers, and how much it holds. Open to anyone, for load balancers and probes.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (StoreHolder holder, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            try
            {
                var statistics = await holder.Store.GetStatisticsAsync(cancellationToken);
                return Results.Ok(new { Status = "healthy", holder.Store.Dialect, statistics.Services, statistics.HistoryEntries });
            }
            catch (System.Data.Common.DbException failure)
            {
                // The database's own words (hosts, users, paths) go to the log, never to an anonymous caller.
                HealthLog.StoreUnanswered(loggers.CreateLogger("Governance.Server.Health"), failure);
                return Results.Json(new { Status = "unhealthy", Reason = "the store did not answer" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return endpoints;
    }
}

internal static partial class HealthLog
{
    [LoggerMessage(1, LogLevel.Error, "Health check: the store did not answer")]
    public static partial void StoreUnanswered(ILogger logger, Exception exception);
}
