using System.Text.Json;
using Governance.Domain;
using Governance.Domain.Commands;
using Governance.Integrations.FleetFormat;
using Governance.Integrations.Import;
using Governance.Server.Api;
using Governance.Server.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using WriteResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<Governance.Server.Services.ServiceResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Created<Governance.Server.Services.ServiceResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Governance.Server.Services;

/// <summary>
/// A service's waivers, under <c>/api/services/{id}/waivers</c>: <c>POST</c> (request a waiver of a trait until a date),
/// <c>POST /{traitId}/approve</c> and <c>POST /{traitId}/reject</c> (decide a request, as someone other than its
/// requester for an approval) and <c>DELETE /{traitId}</c> (revoke an approved waiver early). The domain checks the rules.
/// </summary>
public static class WaiverEndpoints
{
    public static IEndpointRouteBuilder MapWaiverEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var waivers = endpoints.MapGroup("/api/services/{id}/waivers").WithTags("Waivers");
        waivers.MapPost("/", RequestAsync).AsWrite().RequireAuthorization(Access.Edit).WithSummary("Requests a waiver; its approver approves it in a step of their own")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        waivers.MapPost("/{traitId}/approve", ApproveAsync).AsWrite().RequireAuthorization(Access.Approve).WithSummary("Approves a requested waiver; the actor is the approver and not its requester")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        waivers.MapPost("/{traitId}/reject", RejectAsync).AsWrite().RequireAuthorization(Access.EditOrApprove).WithSummary("Rejects a requested waiver, with a reason; its requester rejecting it withdraws it")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        waivers.MapDelete("/{traitId}", RevokeAsync).AsWrite().RequireAuthorization(Access.EditOrApprove).WithSummary("Revokes an approved waiver before it expires")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return endpoints;
    }

    private static async Task<WriteResult> RequestAsync(
        string id,
        WaiverRequest request,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        Actor actor,
        RequestBody body,
        ServiceGrains grains,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var text = body.Text;
        if (NamesApprover(text))
        {
            return ApiProblems.Invalid([FleetText.Locate(text, new FieldError("approver",
                "is not taken here: a waiver is requested, then its approver approves it in a step of their own (POST /api/services/{id}/waivers/{traitId}/approve)"))]);
        }

        // The domain checks every field's value; a missing date is the one thing it cannot be handed.
        if (request.Expires is not { } expires)
        {
            return ApiProblems.Invalid([FleetText.Locate(text, new FieldError("expires", "is required: the last day the waiver applies, YYYY-MM-DD"))]);
        }

        var command = new RequestWaiver(request.TraitId ?? string.Empty, request.Justification ?? string.Empty, expires);
        return await SendAsync(id, ifMatch, command, ServiceAccessNeed.Edit, actor, error => FleetText.Locate(text, error), grains, response, cancellationToken);
    }

    private static Task<WriteResult> ApproveAsync([AsParameters] DecisionRequest request, CancellationToken cancellationToken) =>
        request.SendAsync(new ApproveWaiver(request.Trait, request.Decision?.Reason), ServiceAccessNeed.Approve, cancellationToken);

    // Without a reason the domain refuses the rejection, naming the field.
    private static Task<WriteResult> RejectAsync([AsParameters] DecisionRequest request, CancellationToken cancellationToken) =>
        request.SendAsync(new RejectWaiver(request.Trait, request.Decision?.Reason ?? string.Empty), ServiceAccessNeed.EditOrApprove, cancellationToken);

    private static Task<WriteResult> RevokeAsync(
        string id,
        string traitId,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        Actor actor,
        ServiceGrains grains,
        HttpResponse response,
        CancellationToken cancellationToken) =>
        SendAsync(id, ifMatch, new RevokeWaiver(Uri.UnescapeDataString(traitId)), ServiceAccessNeed.EditOrApprove, actor, Unlocated, grains, response, cancellationToken);

    private static async Task<WriteResult> SendAsync(
        string id, string? ifMatch, ServiceCommand command, ServiceAccessNeed need, Actor actor, Func<FieldError, ImportProblem> locate, ServiceGrains grains, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!Precondition.TryRead(ifMatch, null, mayCreate: false, out var precondition, out var error))
        {
            return ApiProblems.InvalidField("If-Match", error);
        }

        return await ServiceWrites.ExecuteAsync(grains, response, new ServiceWrite(ServiceGrains.IdOf(id), command, actor, precondition, locate, need), cancellationToken);
    }

    // Requests used to name their approver; saying so beats ignoring a field the sender thinks decides something.
    private static bool NamesApprover(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.EnumerateObject().Any(property => property.Name.Equals("approver", StringComparison.OrdinalIgnoreCase));
    }

    private static ImportProblem Unlocated(FieldError error) => new(new SourceLocation("(route)", 0, 0), error.Field, error.Message);

    /// <summary>An approval or a rejection of the waiver of <c>{traitId}</c>: the body, <c>{reason}</c>, may be left out.</summary>
    private sealed record DecisionRequest(
        string Id,
        string TraitId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] WaiverDecision? Decision,
        [FromHeader(Name = "If-Match")] string? IfMatch,
        Actor Actor,
        RequestBody Body,
        ServiceGrains Grains,
        HttpResponse Response)
    {
        public string Trait => Uri.UnescapeDataString(TraitId);

        public Task<WriteResult> SendAsync(ServiceCommand command, ServiceAccessNeed need, CancellationToken cancellationToken) =>
            WaiverEndpoints.SendAsync(Id, IfMatch, command, need, Actor, ReasonIn(Body.Text), Grains, Response, cancellationToken);

        // Only the reason comes from the body; what else a decision can break (the approver, the expiry, the status) is the stored waiver's.
        private static Func<FieldError, ImportProblem> ReasonIn(string text) =>
            error => error.Field == "reason" && text.Length > 0 ? FleetText.Locate(text, error) : Unlocated(error);
    }
}
