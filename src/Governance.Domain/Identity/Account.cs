namespace Governance.Domain.Identity;

/// <summary>
/// A person or script the product knows: their sign-in name (what the history records as <c>user:NAME</c>), their roles,
/// and the team or tier those roles are for.
/// </summary>
public sealed record Account(string Name, IReadOnlySet<Role> Roles, string? Team = null, int? Tier = null)
{
    public const string ActorPrefix = "user:";

    /// <summary>How the history names this account.</summary>
    public string Actor => ActorPrefix + Name;

    public bool Has(Role role) => Roles.Contains(role);
}
