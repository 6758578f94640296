using Governance.Domain.Identity;

namespace Governance.Storage.Accounts;

/// <summary>Roles as the accounts table keeps them: lower-case names, comma-separated, in the enum's order.</summary>
internal static class RoleNames
{
    public static string Format(IEnumerable<Role> roles) =>
        string.Join(',', roles.Distinct().Order().Select(role => role.ToString().ToLowerInvariant()));

    public static IReadOnlySet<Role> Parse(string roles) =>
        roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.Parse<Role>(name, ignoreCase: true))
            .ToHashSet();
}
