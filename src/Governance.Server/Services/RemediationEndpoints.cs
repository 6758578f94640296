using Governance.Domain.Commands;
using Governance.Integrations.FleetFormat;
using Governance.Server.Api;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Server.Services;

/// <summary>
/// A service's remediation items, under <c>/api/services/{id}/remediation-items</c>: <c>POST</c> (open an item, written
/// as in the fleet format) and <c>PATCH /{itemId}</c> (change its status, owner or ETA).
/// </summary>
public static class RemediationEndpoints
{
    public static IEndpointRouteBuilder MapRemediationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var items = endpoints.MapGroup("/api/services/{id}/remediation-items").WithTags("Remediation items").RequireAuthorization(Access.Edit);
        items.MapPost("/", OpenAsync).AsWrite()
            .Accepts<System.Text.Json.JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        items.MapPatch("/{itemId}", ChangeAsync).AsWrite()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return endpoints;
    }

    /// <summary>The body is one <c>remediationItems:</c> entry of the fleet format, as JSON.</summary>
    private static async Task<Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> OpenAsync(
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

        var read = FleetText.ReadRemediationItem(body.Text);
        return read.Value is { } item
            ? await ServiceWrites.ExecuteAsync(grains, response, new ServiceWrite(ServiceGrains.IdOf(id), new OpenRemediationItem(item), actor, precondition, read.Locate), cancellationToken)
            : ApiProblems.Invalid(read.Errors);
    }

    private static async Task<Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string id,
        string itemId,
        RemediationItemChange change,
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

        var text = body.Text;
        var command = new ChangeRemediationItem(Uri.UnescapeDataString(itemId)) { Status = change.Status, Owner = change.Owner, Eta = change.Eta };
        var write = new ServiceWrite(ServiceGrains.IdOf(id), command, actor, precondition, fieldError => FleetText.Locate(text, fieldError));
        return await ServiceWrites.ExecuteAsync(grains, response, write, cancellationToken);
    }
}
