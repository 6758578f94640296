using Governance.Domain.Policies;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

/// <summary>The documents say what the code does: every fact is in the spec, every shipped policy in the folder's README.</summary>
public sealed class PolicyDocsTests
{
    [Fact]
    public void The_spec_lists_every_fact_of_the_catalog()
    {
        var spec = File.ReadAllText(Path.Combine(Repository.Root, "docs", "policy-language.md"));

        Assert.Empty(FactCatalog.All.Where(fact => !spec.Contains($"`{fact.Name}`", StringComparison.Ordinal)).Select(fact => fact.Name));
    }

    [Fact]
    public void The_policies_readme_lists_every_shipped_policy()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Policies, "README.md"));

        Assert.Empty(ShippedPolicies.Set.Policies.Where(policy => !readme.Contains($"| `{policy.Id}` | {Category(policy.Category)} | {policy.Severity.ToString().ToLowerInvariant()} |", StringComparison.Ordinal)).Select(policy => policy.Id));
    }

    private static string Category(PolicyCategory category) => category == PolicyCategory.UnitsOfFailure ? "units-of-failure" : category.ToString().ToLowerInvariant();
}
