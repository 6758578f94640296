using System.Text.Json;
using Governance.Domain.Commands;
using Governance.Grains.Contracts;
using Governance.Integrations.FleetFormat;
using Governance.Server.Api;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Server.Services;

/// <summary>
/// One service through its grain, under <c>/api/services/{id}</c>:
/// <c>GET</c> (the service and its ETag), <c>PUT</c> (create or replace it from the fleet format's JSON for one service),
/// <c>PATCH</c> (merge such JSON into it), <c>GET /risks</c> (its risks as its grain evaluated them).
/// </summary>
public static class ServiceEndpoints
{
    private const string MergePatch = "application/merge-patch+json";

    // A merge decided on a version that moved under it is decided again on the new one, this many times at most.
    private const int MergeRounds = 5;

    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.MapGroup("/api/services").WithTags("Services");
        services.MapGet("/{id}", GetAsync).RequireAuthorization(Access.Read).ProducesProblem(StatusCodes.Status404NotFound);
        services.MapPut("/{id}", PutAsync).AsWrite().RequireAuthorization(Access.Edit)
            .Accepts<JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        services.MapPatch("/{id}", PatchAsync).AsWrite().RequireAuthorization(Access.Edit)
            .Accepts<JsonElement>(MergePatch, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        services.MapGet("/{id}/risks", GetRisksAsync).RequireAuthorization(Access.Read).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> GetAsync(string id, ServiceGrains grains, HttpContext context, CancellationToken cancellationToken)
    {
        var serviceId = ServiceGrains.IdOf(id);
        if (await grains.GetAsync(serviceId, cancellationToken) is not { } service)
        {
            return ApiProblems.NotFound($"no service '{serviceId}'");
        }

        context.Response.Headers.ETag = ETags.Of(service.Version);
        return TypedResults.Ok(ServiceResponse.For(AccountClaims.AccountOf(context.User)!, service));
    }

    /// <summary>The body is one <c>services:</c> entry of the fleet format, as JSON; it may leave out the id the route names.</summary>
    private static async Task<Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        [FromHeader(Name = "If-None-Match")] string? ifNoneMatch,
        Actor actor,
        RequestBody body,
        ServiceGrains grains,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!Precondition.TryRead(ifMatch, ifNoneMatch, mayCreate: true, out var precondition, out var error))
        {
            return ApiProblems.InvalidField("If-Match", error);
        }

        var serviceId = ServiceGrains.IdOf(id);
        var read = FleetText.ReadService(body.Text, DefinitionMode.Replace, serviceId);
        return read.Value is { } define
            ? await ServiceWrites.ExecuteAsync(grains, response, new ServiceWrite(serviceId, define, actor, precondition, read.Locate), cancellationToken)
            : ApiProblems.Invalid(read.Errors);
    }

    /// <summary>
    /// The body holds the fields to change, in the fleet format's JSON: a field given replaces the service's, a field left
    /// out (or null) keeps it; a list given replaces the list, except that a dependency already known keeps its attributes.
    /// </summary>
    private static async Task<Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        string id,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        Actor actor,
        RequestBody body,
        ServiceGrains grains,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!Precondition.TryRead(ifMatch, null, mayCreate: false, out var precondition, out var error))
        {
            return ApiProblems.InvalidField("If-Match", error);
        }

        var serviceId = ServiceGrains.IdOf(id);
        var text = body.Text;
        for (var round = 1; ; round++)
        {
            if (await grains.GetAsync(serviceId, cancellationToken) is not { } current)
            {
                return ApiProblems.NotFound($"no service '{serviceId}'");
            }

            // The name the patch leaves out is the current one: decided at that version, or not at all.
            var read = FleetText.ReadService(text, DefinitionMode.Merge, serviceId, current.State.Profile.Name);
            if (read.Value is not { } merge)
            {
                return ApiProblems.Invalid(read.Errors);
            }

            if (!ServiceAccess.Allows(ServiceAccessNeed.Edit, actor.Account, current.State.Profile))
            {
                return ServiceAccess.Forbidden(ServiceAccess.Refusal(ServiceAccessNeed.Edit, actor.Account, current.State.Profile));
            }

            var expected = precondition.ExpectedVersion ?? current.Version;
            var write = new ServiceWrite(serviceId, merge, actor, precondition with { ExpectedVersion = expected }, read.Locate);
            var reply = await grains.ExecuteAsync(serviceId, merge, actor.Name, expected, cancellationToken);
            if (reply is CommandReply.Conflict && !precondition.IsIfMatch && round < MergeRounds)
            {
                continue;
            }

            return ServiceWrites.Answer(response, write, reply);
        }
    }

    private static async Task<Results<Ok<ServiceRisksResponse>, ProblemHttpResult>> GetRisksAsync(string id, ServiceGrains grains, CancellationToken cancellationToken)
    {
        var serviceId = ServiceGrains.IdOf(id);
        return await grains.GetRisksAsync(serviceId, cancellationToken) is { } risks
            ? TypedResults.Ok(ServiceRisksResponse.Of(risks))
            : ApiProblems.NotFound($"no service '{serviceId}'");
    }
}
