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
        api.MapGet("/history/verify", VerifyHistoryAsync);
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

    private static async Task<IResult> VerifyHistoryAsync(StoreHolder holder, CancellationToken cancellationToken)
    {
        ChainVerification verification = await holder.Store.VerifyHistoryAsync(cancellationToken);
        return Results.Ok(new { verification.IsIntact, verification.EntriesChecked, verification.Head, verification.FirstBreak });
    }
}
