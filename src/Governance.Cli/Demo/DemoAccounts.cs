using Governance.Application.Identity;
using Governance.Domain.Identity;
using Governance.Storage;

namespace Governance.Cli.Demo;

/// <summary>
/// One sign-in per role on the demo store, around the feature-enablement service's team, with fresh passwords. Priya owns
/// the team's services and also approves for the team, so that only the rule that nobody approves their own request
/// stops her approving hers.
/// </summary>
public static class DemoAccounts
{
    public const string Team = "platform-foundation";

    private static readonly NewAccount[] People =
    [
        new("dana", new HashSet<Role> { Role.Leader }),
        new("priya", new HashSet<Role> { Role.Owner, Role.Approver }, Team),
        new("sam", new HashSet<Role> { Role.Approver }, Team),
        new("vic", new HashSet<Role> { Role.Viewer }),
        new("ada", new HashSet<Role> { Role.Administrator }),
    ];

    /// <summary>Creates the accounts; each one's name, what it is, and its password.</summary>
    public static async Task<IReadOnlyList<(string Name, string Role, string Password)>> CreateAsync(GovernanceStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var accounts = new LocalAccounts(store, time, LockoutPolicy.Default);
        var created = new List<(string, string, string)>();
        foreach (var person in People)
        {
            var result = await accounts.AddAsync(person, LocalAccounts.DefaultTokenLifetime, cancellationToken);
            var account = ((AccountCreation.Created)result).Account;
            var role = string.Join(" and ", account.Roles.Order().Select(role => role.ToString().ToLowerInvariant()));
            created.Add((account.Name, account.Team is { } team ? $"{role} of {team}" : role, ((AccountCreation.Created)result).Secret));
        }

        return created;
    }
}
