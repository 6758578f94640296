using Governance.Domain.Audit;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

/// <summary>The process policies on who answers for a service and whether it can be judged at all.</summary>
public sealed class ProcessReadinessPolicyTests
{
    [Fact]
    public void No_runbook_fires_for_tiers_0_to_2_without_a_runbook()
    {
        var fleet = new TestFleet()
            .Add("none", tier: 0, service => service.WithProfile(profile => profile with { Runbook = null }))
            .Add("blank", tier: 2, service => service.WithProfile(profile => profile with { Runbook = "  " }))
            .Add("written", tier: 1)
            .Add("wiki", tier: 3, service => service.WithProfile(profile => profile with { Runbook = null }));

        Assert.Equal(["blank", "none"], fleet.ServicesWith("no-runbook"));
        Assert.Equal([new Evidence("hasRunbook", "false")], fleet.Finding("none", "no-runbook").Evidence);
    }

    [Fact]
    public void No_on_call_fires_for_tiers_0_to_2_that_page_nobody()
    {
        var fleet = new TestFleet()
            .Add("unpaged", tier: 1, service => service.WithProfile(profile => profile with { OnCall = null }))
            .Add("paged", tier: 0)
            .Add("wiki", tier: 3, service => service.WithProfile(profile => profile with { OnCall = null }));

        Assert.Equal(["unpaged"], fleet.ServicesWith("no-on-call"));
        Assert.Equal([new Evidence("hasOnCall", "false")], fleet.Finding("unpaged", "no-on-call").Evidence);
    }

    [Fact]
    public void Unassessable_service_fires_for_a_production_service_without_a_tier_or_a_footprint()
    {
        var fleet = new TestFleet()
            .Add("unclassified", tier: null)
            .Add("nowhere", tier: 0, service => service with { Footprint = null });

        Assert.Equal(["nowhere", "unclassified"], fleet.ServicesWith("unassessable-service"));
        Assert.Equal([new Evidence("tier", "unknown")], fleet.Finding("unclassified", "unassessable-service").Evidence);
        Assert.Equal([new Evidence("exposure", "unknown")], fleet.Finding("nowhere", "unassessable-service").Evidence);
    }

    [Fact]
    public void Unassessable_service_ignores_classified_services_with_a_footprint_and_services_not_in_production()
    {
        var fleet = new TestFleet()
            .Add("assessed", tier: 3)
            .Add("prototype", tier: null, service => service.WithProfile(profile => profile with { Lifecycle = "experimental" }));

        Assert.Empty(fleet.ServicesWith("unassessable-service"));
    }

    [Fact]
    public void An_unclassified_but_otherwise_healthy_service_has_only_the_unassessable_trait()
    {
        var profile = Assert.Single(new TestFleet().Add("unclassified", tier: null).Audit().Profiles);

        Assert.Equal(["unassessable-service"], profile.Traits.Select(trait => trait.PolicyId));
    }
}
