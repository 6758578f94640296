using Governance.Domain;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Integrations.FleetFormat;
using Governance.Integrations.Import;
using Governance.Server.Api;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Server.Services;

/// <summary>
/// A service's waivers, under <c>/api/services/{id}/waivers</c>: <c>POST</c> (waive a trait until a date, approved by
/// someone other than the actor) and <c>DELETE /{traitId}</c> (revoke the waiver early). The domain checks the rules.
/// </summary>
public static class WaiverEndpoints
{
    public static IEndpointRouteBuilder MapWaiverEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var waivers = endpoints.MapGroup("/api/services/{id}/waivers").WithTags("Waivers");
        waivers.MapPost("/", WaiveAsync).AsWrite().RequireAuthorization(Access.Edit)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        waivers.MapDelete("/{traitId}", RevokeAsync).AsWrite().RequireAuthorization(Access.EditOrApprove)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return endpoints;
    }

    private static async Task<Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> WaiveAsync(
        string id,
        WaiverRequest request,
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

        // The domain checks every field's value; a missing date is the one thing it cannot be handed.
        var text = body.Text;
        if (request.Expires is not { } expires)
        {
            return ApiProblems.Invalid([FleetText.Locate(text, new FieldError("expires", "is required: the last day the waiver applies, YYYY-MM-DD"))]);
        }

        var waiver = new Waiver(request.TraitId ?? string.Empty, request.Justification ?? string.Empty, request.Approver ?? string.Empty, expires);
        var write = new ServiceWrite(ServiceGrains.IdOf(id), new WaiveTrait(waiver), actor, precondition, fieldError => FleetText.Locate(text, fieldError));
        return await ServiceWrites.ExecuteAsync(grains, response, write, cancellationToken);
    }

    private static async Task<Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string id,
        string traitId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        Actor actor,
        ServiceGrains grains,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        if (!Precondition.TryRead(ifMatch, null, mayCreate: false, out var precondition, out var error))
        {
            return ApiProblems.InvalidField("If-Match", error);
        }

        var trait = Uri.UnescapeDataString(traitId);
        var write = new ServiceWrite(ServiceGrains.IdOf(id), new RevokeWaiver(trait), actor, precondition, Unlocated, ServiceAccessNeed.EditOrApprove);
        return await ServiceWrites.ExecuteAsync(grains, response, write, cancellationToken);
    }

    private static ImportProblem Unlocated(FieldError error) => new(new SourceLocation("(route)", 0, 0), error.Field, error.Message);
}
