namespace Governance.Domain.Identity;

/// <summary>What a person may do. A person may hold several roles; each one adds to what the others allow.</summary>
public enum Role
{
    /// <summary>Reads the catalog, risks and audits.</summary>
    Viewer,

    /// <summary>Keeps their team's services true: facts, remediation items, waiver requests.</summary>
    Owner,

    /// <summary>Decides waiver requests for a team or a tier; never their own.</summary>
    Approver,

    /// <summary>Reads everything owners read, across teams; exports.</summary>
    Leader,

    /// <summary>Manages users, policies and schedules, and imports catalogs.</summary>
    Administrator,
}
