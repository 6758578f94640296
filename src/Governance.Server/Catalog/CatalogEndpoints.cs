using Governance.Server.Identity;
using Governance.Domain.Catalog;
using Governance.Domain.History;
using Governance.Server.Hosting;
using Governance.Storage;

namespace Governance.Server.Catalog;

/// <summary>Reads of the whole catalog and its history under <c>/api</c>; one service is read through its grain (ServiceEndpoints).</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(Access.Read);
        api.MapGet("/services", ListServicesAsync);
        api.MapGet("/history/verify", LastVerificationAsync);
        endpoints.MapPost("/api/history/verify", VerifyHistoryAsync).RequireAuthorization(Access.Administer);
        return endpoints;
    }

    private static async Task<IResult> ListServicesAsync(StoreHolder holder, string? team, int? tier, CancellationToken cancellationToken)
    {
        if (tier is < ServiceProfile.MostCriticalTier or > ServiceProfile.LeastCriticalTier)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["tier"] = [$"must be between 0 and 3, was {tier}"] });
        }

        var owner = team is null ? null : EntityRefs.Normalize(team, EntityKinds.Group);
        var services = await holder.Store.ListServicesAsync(new ServiceQuery(owner, tier), cancellationToken);
        return Results.Ok(services.Select(service => new { service.State.Id, service.State.Profile.Name, service.State.Profile.Owner, service.State.Profile.Tier, service.State.Profile.Lifecycle, service.Version }));
    }

    // Answers from the last recorded verification (the scheduled job's, or anyone's): reading it costs nothing, whatever the history's length.
    private static async Task<IResult> LastVerificationAsync(StoreHolder holder, CancellationToken cancellationToken) =>
        await holder.Store.GetLastVerificationAsync(cancellationToken) is { } last
            ? Results.Ok(last)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not verified yet",
                detail: "The store has not been verified yet: the scheduled verification records its result when it next runs, or an administrator can POST /api/history/verify.");

    private static async Task<IResult> VerifyHistoryAsync(StoreHolder holder, VerificationScope? scope, CancellationToken cancellationToken)
    {
        var verification = await holder.Store.VerifyHistoryAsync(scope ?? VerificationScope.Incremental, cancellationToken);
        return Results.Ok(verification.ToRecord());
    }
}
