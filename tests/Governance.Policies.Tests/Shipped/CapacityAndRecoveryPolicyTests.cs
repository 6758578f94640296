using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

public sealed class CapacityAndRecoveryPolicyTests
{
    [Theory]
    [InlineData(0, true, 180, true)]
    [InlineData(0, true, 120, false)]
    [InlineData(1, true, 180, false)]
    [InlineData(1, true, 400, true)]
    [InlineData(0, false, 60, true)]
    [InlineData(2, false, null, false)]
    public void Slow_autoscaling_holds_tier0_to_two_minutes_and_tier1_to_five(int tier, bool enabled, int? reactionSeconds, bool fires)
    {
        var fleet = new TestFleet().Add("svc", tier, service => service.WithFacts(facts => facts with { Autoscaling = new Autoscaling(enabled) { ReactionSeconds = reactionSeconds } }));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("slow-autoscaling"));
    }

    [Fact]
    public void Slow_autoscaling_fires_when_nobody_knows_whether_the_service_scales()
    {
        var fleet = new TestFleet().Add("unknown", tier: 0, service => service.WithFacts(facts => facts with { Autoscaling = null }));

        Assert.Equal([new Evidence("autoscaling.enabled", "unknown")], fleet.Finding("unknown", "slow-autoscaling").Evidence);
    }

    [Fact]
    public void Failover_not_exercised_fires_for_a_failover_never_or_long_ago_exercised()
    {
        var fleet = new TestFleet()
            .Add("stale", tier: 0, service => WithFailover(service, FailoverMechanism.Automatic, TestFleet.AuditDay.AddDays(-181)))
            .Add("never", tier: 1, service => WithFailover(service, FailoverMechanism.Manual, null))
            .Add("unknown", tier: 0, service => service.WithFacts(facts => facts with { Failover = null }));

        Assert.Equal(["never", "stale", "unknown"], fleet.ServicesWith("failover-not-exercised"));
        Assert.Equal([new Evidence("failover.mechanism", "automatic"), new Evidence("failover.lastExercised", "2021-01-01")], fleet.Finding("stale", "failover-not-exercised").Evidence);
    }

    [Fact]
    public void Failover_not_exercised_ignores_recent_exercises_services_without_failover_and_tier2()
    {
        var fleet = new TestFleet()
            .Add("recent", tier: 0, service => WithFailover(service, FailoverMechanism.Automatic, TestFleet.AuditDay.AddDays(-180)))
            .Add("no-failover", tier: 0, service => WithFailover(service, FailoverMechanism.None, null))
            .Add("tier2", tier: 2, service => WithFailover(service, FailoverMechanism.Manual, null));

        Assert.Empty(fleet.ServicesWith("failover-not-exercised"));
    }

    [Fact]
    public void Recovery_slower_than_tier_fires_for_a_hard_dependency_on_a_slower_tier()
    {
        var fleet = new TestFleet()
            .Add("checkout", tier: 0, service => service.Calling(new Dependency("ledger") { TimeoutMs = 100 }))
            .Add("ledger", tier: 2);

        Assert.Equal(["checkout"], fleet.ServicesWith("recovery-slower-than-tier"));
        Assert.Equal([new Evidence("allowedRtoMinutes", "240"), new Evidence("tierTarget.rtoMinutes", "15")], fleet.Finding("checkout", "recovery-slower-than-tier").Evidence);
    }

    [Fact]
    public void Recovery_slower_than_tier_ignores_soft_edges_and_dependencies_as_fast_as_the_service()
    {
        var fleet = new TestFleet()
            .Add("cached", tier: 0, service => service.Calling(new Dependency("ledger") { ClientCache = true }))
            .Add("peer", tier: 0, service => service.Calling(new Dependency("accounts")))
            .Add("reporting", tier: 2, service => service.Calling(new Dependency("ledger")))
            .Add("ledger", tier: 2)
            .Add("accounts", tier: 0);

        Assert.Empty(fleet.ServicesWith("recovery-slower-than-tier"));
    }

    private static ServiceState WithFailover(ServiceState service, FailoverMechanism mechanism, DateOnly? lastExercised) =>
        service.WithFacts(facts => facts with { Failover = new Failover(mechanism) { LastExercised = lastExercised } });
}
