using Governance.Domain.Identity;

namespace Governance.Server.Identity;

/// <summary>The authorization policies endpoints and pages declare; which service a person may change is checked against the service itself.</summary>
public static class Access
{
    /// <summary>Any signed-in person with a role: reads the catalog, risks, audits and history.</summary>
    public const string Read = "read";

    /// <summary>Owners (and administrators): edit their team's services and request waivers.</summary>
    public const string Edit = "edit";

    /// <summary>Approvers: decide waiver requests for their team or tier.</summary>
    public const string Approve = "approve";

    /// <summary>Owners or approvers: withdraw an accepted risk.</summary>
    public const string EditOrApprove = "edit-or-approve";

    /// <summary>Administrators: imports, users, policies, schedules.</summary>
    public const string Administer = "administer";

    /// <summary>Leaders (and administrators): export the fleet's remediation and risk picture.</summary>
    public const string Export = "export";

    /// <summary>The roles each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [Read] = Enum.GetValues<Role>(),
        [Edit] = [Role.Owner, Role.Administrator],
        [Approve] = [Role.Approver],
        [EditOrApprove] = [Role.Owner, Role.Approver, Role.Administrator],
        [Administer] = [Role.Administrator],
        [Export] = [Role.Leader, Role.Administrator],
    };
}
