using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Identity;
using Governance.Server.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Server.Services;

/// <summary>What a write to one service asks of the caller: to own it, to approve for it, or either.</summary>
public enum ServiceAccessNeed
{
    Edit,
    Approve,
    EditOrApprove,
}

/// <summary>Checks a caller against the service a write is for (its team and tier), by the domain's access rules.</summary>
internal static class ServiceAccess
{
    public static bool Allows(ServiceAccessNeed need, Account account, ServiceProfile service) => need switch
    {
        ServiceAccessNeed.Edit => AccessRules.CanEdit(account, service),
        ServiceAccessNeed.Approve => AccessRules.CanApprove(account, service),
        _ => AccessRules.CanEdit(account, service) || AccessRules.CanApprove(account, service),
    };

    /// <summary>Why the caller may not make this write to the service as it is (or, for a new one, as it is defined); null when they may.</summary>
    public static async Task<string?> RefusalAsync(ServiceGrains grains, Account account, string serviceId, ServiceCommand command, ServiceAccessNeed need, CancellationToken cancellationToken)
    {
        var current = await grains.GetAsync(serviceId, cancellationToken);
        var profile = current?.State.Profile ?? (command as DefineService)?.Profile;
        return profile is null || Allows(need, account, profile) ? null : Refusal(need, account, profile);
    }

    public static ProblemHttpResult Forbidden(string refusal) => ApiProblems.Problem(StatusCodes.Status403Forbidden, "Not yours to change", refusal);

    public static string Refusal(ServiceAccessNeed need, Account account, ServiceProfile service)
    {
        var scope = string.Join(", ", new[] { account.Team is { } team ? $"team {team}" : null, account.Tier is { } tier ? $"tier {tier}" : null }.OfType<string>());
        var who = $"{account.Actor} ({(scope.Length > 0 ? scope : "no team")})";
        var what = need switch
        {
            ServiceAccessNeed.Edit => "change services of its owning team only",
            ServiceAccessNeed.Approve => "approve for services of their team or tier only",
            _ => "change or approve for services of their team or tier only",
        };
        return $"{who} may {what}; {service.Id} belongs to {service.Owner ?? "no team"}, tier {service.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"}";
    }
}
