using Governance.Domain.Policies;
using Governance.Integrations.Policies;

namespace Governance.Policies.Tests.Support;

/// <summary>The policy set in the repository's policies/ folder, loaded once for all tests.</summary>
public static class ShippedPolicies
{
    private static readonly Lazy<PolicySet> _set = new(Load);

    public static PolicySet Set => _set.Value;

    /// <summary>The shipped policy with <paramref name="id"/>.</summary>
    public static Policy Get(string id) => Set.Policies.Single(policy => policy.Id == id);

    private static PolicySet Load()
    {
        var result = PolicyLoader.Load(Repository.Policies);
        return result.Set ?? throw new InvalidOperationException($"the shipped policies do not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }
}
