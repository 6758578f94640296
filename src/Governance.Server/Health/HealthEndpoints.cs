using Governance.Server.Hosting;

namespace Governance.Server.Health;

/// <summary><c>GET /health</c>: the store answers, and how much it holds. Open to anyone, for load balancers and probes.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async (StoreHolder holder, CancellationToken cancellationToken) =>
        {
            try
            {
                var statistics = await holder.Store.GetStatisticsAsync(cancellationToken);
                return Results.Ok(new { Status = "healthy", holder.Store.Dialect, statistics.Services, statistics.HistoryEntries });
            }
            catch (System.Data.Common.DbException failure)
            {
                return Results.Json(new { Status = "unhealthy", Reason = failure.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return endpoints;
    }
}
