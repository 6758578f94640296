using Governance.Domain.Catalog;
using Governance.Domain.History;
using Governance.Server.Hosting;
using Governance.Server.Identity;
using Governance.Storage.Browsing;

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

    /// <summary>How many services a page of <c>GET /api/services</c> lists when <c>pageSize</c> is not given.</summary>
    public const int DefaultPageSize = 100;

    // A page at a time, from the indexes: a fleet of 100,000 is never one answer.
    private static async Task<IResult> ListServicesAsync(StoreHolder holder, string? team, int? tier, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (tier is < ServiceProfile.MostCriticalTier or > ServiceProfile.LeastCriticalTier)
        {
            problems["tier"] = [$"must be between 0 and 3, was {tier}"];
        }

        if (page is < 1)
        {
            problems["page"] = [$"must be 1 or more, was {page}"];
        }

        if (pageSize is < 1 or > ServiceSearch.MaxPageSize)
        {
            problems["pageSize"] = [$"must be between 1 and {ServiceSearch.MaxPageSize}, was {pageSize}"];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        var owner = team is null ? null : EntityRefs.Normalize(team, EntityKinds.Group);
        var search = new ServiceSearch(Team: owner, Tier: tier, Page: page ?? 1, PageSize: pageSize ?? DefaultPageSize);
        var found = await holder.Store.SearchServicesAsync(search, cancellationToken);
        return Results.Ok(new
        {
            Services = found.Services.Select(service => new { service.Id, service.Name, Owner = service.Team, service.Tier, service.Lifecycle }),
            found.Total,
            found.Page,
            found.PageSize,
            found.Pages,
        });
    }

    // Answers from the last recorded verification (the scheduled job's, or anyone's): reading it costs nothing, whatever the history's length.
    private static async Task<IResult> LastVerificationAsync(StoreHolder holder, CancellationToken cancellationToken) =>
        await holder.Store.GetLastVerificationAsync(cancellationToken) is { } last
            ? Results.Ok(last)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not verified yet",
                detail: "The store has not been verified yet: the scheduled verification records its result when it next runs, or an administrator can POST /api/history/verify.");

    private static async Task<IResult> VerifyHistoryAsync(StoreHolder holder, VerificationScope? scope, CancellationToken cancellationToken) =>
        Results.Ok(await holder.Store.VerifyAndRecordHistoryAsync(scope ?? VerificationScope.Incremental, cancellationToken));
}
