using Governance.Domain;
using Governance.Domain.Commands;
using Governance.Grains.Contracts;
using Governance.Integrations.Import;
using Governance.Server.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Server.Services;

/// <summary>
/// One write to one service as its endpoint read it: the command, who asks, the version expected, where the body put each
/// field, and what the caller must be to the service.
/// </summary>
internal sealed record ServiceWrite(
    string ServiceId, ServiceCommand Command, Actor Actor, Precondition Precondition, Func<FieldError, ImportProblem> Locate, ServiceAccessNeed Need = ServiceAccessNeed.Edit);

/// <summary>Checks that the caller may make a write, sends it to the service's grain and answers with what the grain made of it.</summary>
internal static class ServiceWrites
{
    public static async Task<Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        ServiceGrains grains, HttpResponse response, ServiceWrite write, CancellationToken cancellationToken)
    {
        if (await ServiceAccess.RefusalAsync(grains, write.Actor.Account, write.ServiceId, write.Command, write.Need, cancellationToken) is { } refusal)
        {
            return ServiceAccess.Forbidden(refusal);
        }

        var reply = await grains.ExecuteAsync(write.ServiceId, write.Command, write.Actor.Name, write.Precondition.ExpectedVersion, cancellationToken);
        return Answer(response, write, reply);
    }

    /// <summary>
    /// 200 with the new (or unchanged) service and its ETag; 201 for a definition that created it; 404 when there is no such
    /// service (or waiver, or item) to change; 400 with located field errors when a rule refuses; 412 when If-Match was
    /// stale; 409 for any other version conflict.
    /// </summary>
    public static Results<Ok<ServiceResponse>, Created<ServiceResponse>, ValidationProblem, ProblemHttpResult> Answer(HttpResponse response, ServiceWrite write, CommandReply reply)
    {
        switch (reply)
        {
            case CommandReply.Accepted { Service: var created } when write.Command is DefineService && created.Version == 1:
                response.Headers.ETag = ETags.Of(created.Version);
                return TypedResults.Created($"/api/services/{Uri.EscapeDataString(created.State.Id)}", ServiceResponse.Of(created));
            case CommandReply.Accepted { Service: var service }:
                response.Headers.ETag = ETags.Of(service.Version);
                return TypedResults.Ok(ServiceResponse.Of(service));
            case CommandReply.Unchanged { Service: var service }:
                response.Headers.ETag = ETags.Of(service.Version);
                return TypedResults.Ok(ServiceResponse.Of(service));
            case CommandReply.Rejected rejected when IsNotFound(write.Command, rejected):
                return ApiProblems.NotFound(string.Join("; ", rejected.Errors));
            case CommandReply.Rejected rejected:
                return ApiProblems.Invalid(rejected.Errors.Select(write.Locate), "The service's rules refuse the change");
            case CommandReply.Conflict conflict:
                if (conflict.CurrentVersion > 0)
                {
                    response.Headers.ETag = ETags.Of(conflict.CurrentVersion);
                }

                return write.Precondition.IsIfMatch
                    ? ApiProblems.Stale(conflict.ExpectedVersion, conflict.CurrentVersion)
                    : ApiProblems.Conflict(conflict.ExpectedVersion, conflict.CurrentVersion);
            default:
                throw new InvalidOperationException($"a {reply.GetType().Name} reply was not handled");
        }
    }

    // Every command but a definition needs the service; deciding or revoking a waiver and changing an item need it too.
    private static bool IsNotFound(ServiceCommand command, CommandReply.Rejected rejected) => command switch
    {
        DefineService => false,
        ApproveWaiver or RejectWaiver or RevokeWaiver => rejected.CurrentVersion == 0 || rejected.Errors.Any(error => error.Field == "traitId"),
        ChangeRemediationItem => rejected.CurrentVersion == 0 || rejected.Errors.Any(error => error.Field == "itemId"),
        _ => rejected.CurrentVersion == 0,
    };
}
