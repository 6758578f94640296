using Governance.Domain.Policies;
using Governance.Integrations.Generation;
using Governance.Integrations.Policies;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

public sealed class ShippedPolicySetTests
{
    [Fact]
    public void The_policies_folder_loads_without_errors()
    {
        var result = PolicyLoader.Load(Repository.Policies);

        Assert.Empty(result.Errors);
        Assert.NotNull(result.Set);
        Assert.Equal(33, result.Files.Count);
    }

    [Fact]
    public void The_shipped_waiver_rules_allow_a_year()
    {
        Assert.Equal(new WaiverRules(365), ShippedPolicies.Set.Waivers);
    }

    [Fact]
    public void The_shipped_tier_targets_are_the_documented_ones()
    {
        Assert.Equal(
            [
                new TierTarget(0, 15, 1, Domain.Catalog.UnitOfFailure.Region),
                new TierTarget(1, 60, 15, Domain.Catalog.UnitOfFailure.Zone),
                new TierTarget(2, 240, 60, Domain.Catalog.UnitOfFailure.Zone),
                new TierTarget(3, 1440, 1440, Domain.Catalog.UnitOfFailure.Host),
            ],
            ShippedPolicies.Set.Targets.Tiers);
    }

    [Fact]
    public void The_shipped_policies_cover_every_category()
    {
        var categories = ShippedPolicies.Set.Policies.Select(policy => policy.Category).Distinct().Order();

        Assert.Equal(Enum.GetValues<PolicyCategory>(), categories);
    }

    [Fact]
    public void A_healthy_fleet_of_every_tier_has_no_traits()
    {
        var fleet = new TestFleet()
            .Add("edge-api", tier: 0, service => service.Calling(Healthy.Edge("accounts"), Healthy.Edge("billing")))
            .Add("accounts", tier: 0)
            .Add("billing", tier: 1)
            .Add("reports", tier: 2)
            .Add("wiki", tier: 3);

        var result = fleet.Audit();

        Assert.Empty(result.Profiles);
        Assert.Equal(5, result.ServicesAudited);
        Assert.Equal(31, result.PoliciesEvaluated);
    }

    [Fact]
    public void On_a_generated_fleet_every_trait_found_has_evidence_and_a_second_evaluation_agrees()
    {
        var fleet = new TestFleet();
        foreach (var service in FleetGenerator.Generate(services: 400, seed: 7).Services)
        {
            fleet.Add(service);
        }

        var first = fleet.Audit(at: new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var second = fleet.Audit(at: new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.NotEmpty(first.Profiles);
        Assert.All(first.Profiles.SelectMany(profile => profile.Traits), trait => Assert.NotEmpty(trait.Evidence));
        Assert.Equal(first.Profiles.Select(Describe), second.Profiles.Select(Describe));
    }

    private static string Describe(Domain.Audit.RiskProfile profile) =>
        $"{profile.ServiceId}:{string.Join(";", profile.Traits.Select(trait => $"{trait.PolicyId}[{string.Join(",", trait.Evidence)}]"))}";
}
