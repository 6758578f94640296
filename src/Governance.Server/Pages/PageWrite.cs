using Governance.Domain.Commands;
using Governance.Domain.Identity;
using Governance.Grains.Contracts;
using Governance.Server.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Governance.Server.Pages;

/// <summary>
/// A form's command to one service, sent as the API sends it: the caller's access to the service checked first, then the
/// grain at the version the form was read at. Refusals and rule breaks land in the form's model state under their field.
/// </summary>
public sealed class PageWrite(ServiceGrains grains)
{
    /// <summary>True when the service accepted the command (or already held it); otherwise <paramref name="errors"/> says why.</summary>
    public async Task<bool> ExecuteAsync(
        Account account, string serviceId, ServiceCommand command, ServiceAccessNeed need, long version, ModelStateDictionary errors, CancellationToken cancellationToken)
    {
        if (await ServiceAccess.RefusalAsync(grains, account, serviceId, command, need, cancellationToken) is { } refusal)
        {
            errors.AddModelError(string.Empty, refusal);
            return false;
        }

        switch (await grains.ExecuteAsync(serviceId, command, account.Actor, version, cancellationToken))
        {
            case CommandReply.Accepted or CommandReply.Unchanged:
                return true;
            case CommandReply.Rejected rejected:
                foreach (var error in rejected.Errors)
                {
                    errors.AddModelError(error.Field, error.Message);
                }

                return false;
            case CommandReply.Conflict conflict:
                errors.AddModelError(string.Empty,
                    $"Someone changed this service first (it is now at version {conflict.CurrentVersion}, the form was of version {conflict.ExpectedVersion}). What it holds now is shown below: check it and send again.");
                return false;
            default:
                throw new InvalidOperationException("a command reply was not handled");
        }
    }
}
