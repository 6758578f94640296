using Governance.Domain.Catalog;

namespace Governance.Domain.Identity;

/// <summary>
/// Who may do what to which service, whatever way they come in. Separation of duties (an approver is not the requester)
/// is the aggregate's rule, checked again when the command is decided.
/// </summary>
public static class AccessRules
{
    private const string GroupPrefix = "group:";

    /// <summary>Everyone signed in reads the catalog, risks and audits.</summary>
    public static bool CanRead(Account account) => account.Roles.Count > 0;

    /// <summary>
    /// An owner edits the services of their team: facts, remediation items, waiver requests. Administrators, who import
    /// whole catalogs, may edit any service (and are the only ones who can edit one no team owns).
    /// </summary>
    public static bool CanEdit(Account account, ServiceProfile service) =>
        account.Has(Role.Administrator) || (account.Has(Role.Owner) && SameTeam(account.Team, service.Owner));

    /// <summary>An approver decides for the services of their team, or of their tier.</summary>
    public static bool CanApprove(Account account, ServiceProfile service) =>
        account.Has(Role.Approver) && (SameTeam(account.Team, service.Owner) || (account.Tier is { } tier && tier == service.Tier));

    /// <summary>Customer-restricted data (what names a customer) is for every role but the viewer's: viewers may be outside the company.</summary>
    public static bool CanReadCustomerRestricted(Account account) => account.Roles.Any(role => role != Role.Viewer);

    /// <summary>Creating services and importing catalogs is the administrators'.</summary>
    public static bool CanImport(Account account) => account.Has(Role.Administrator);

    /// <summary>Leaders, who read across teams, and administrators export the fleet's workbook.</summary>
    public static bool CanExport(Account account) => account.Has(Role.Leader) || account.Has(Role.Administrator);

    /// <summary>People are named with or without the <c>user:</c> prefix, in any case.</summary>
    public static bool SamePerson(string a, string b) => string.Equals(Unprefixed(a, Account.ActorPrefix), Unprefixed(b, Account.ActorPrefix), StringComparison.OrdinalIgnoreCase);

    /// <summary>Teams are named with or without the <c>group:</c> prefix of a catalog reference, in any case.</summary>
    public static bool SameTeam(string? team, string? owner) =>
        !string.IsNullOrWhiteSpace(team) && !string.IsNullOrWhiteSpace(owner)
        && string.Equals(Unprefixed(team, GroupPrefix), Unprefixed(owner, GroupPrefix), StringComparison.OrdinalIgnoreCase);

    private static string Unprefixed(string name, string prefix)
    {
        var trimmed = name.Trim();
        return trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? trimmed[prefix.Length..] : trimmed;
    }
}
