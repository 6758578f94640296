using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

/// <summary>The recovery policies on how fast a service can be brought back: runbook steps, DR tests, failover.</summary>
public sealed class RecoveryReadinessPolicyTests
{
    [Theory]
    [InlineData(0, 1, true)]
    [InlineData(1, 4, true)]
    [InlineData(0, 0, false)]
    [InlineData(0, null, false)]
    [InlineData(2, 4, false)]
    public void Manual_runbook_steps_fires_for_any_manual_step_on_tier0_and_tier1(int tier, int? steps, bool fires)
    {
        var fleet = new TestFleet().Add("svc", tier, service => service.WithFacts(facts => facts with { ManualRunbookSteps = steps }));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("manual-runbook-steps"));
    }

    [Fact]
    public void Manual_runbook_steps_shows_how_many()
    {
        var fleet = new TestFleet().Add("svc", tier: 0, service => service.WithFacts(facts => facts with { ManualRunbookSteps = 1 }));

        Assert.Equal([new Evidence("manualRunbookSteps", "1")], fleet.Finding("svc", "manual-runbook-steps").Evidence);
    }

    [Theory]
    [InlineData(0, 181, true)]
    [InlineData(0, 180, false)]
    [InlineData(1, 366, true)]
    [InlineData(1, 365, false)]
    [InlineData(3, 366, true)]
    [InlineData(null, 366, true)]
    [InlineData(null, 365, false)]
    public void Stale_dr_test_allows_180_days_for_tier0_and_365_for_the_others(int? tier, int daysAgo, bool fires)
    {
        var fleet = new TestFleet().Add("svc", tier, service => DrTested(service, TestFleet.AuditDay.AddDays(-daysAgo)));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("stale-dr-test"));
    }

    [Fact]
    public void Stale_dr_test_fires_for_a_service_never_tested_and_shows_the_tier_of_the_limit()
    {
        var fleet = new TestFleet()
            .Add("never", tier: 2, service => DrTested(service, null))
            .Add("stale", tier: 0, service => DrTested(service, TestFleet.AuditDay.AddDays(-181)));

        Assert.Equal([new Evidence("lastDrTest", "unknown")], fleet.Finding("never", "stale-dr-test").Evidence);
        Assert.Equal([new Evidence("lastDrTest", "2021-01-01"), new Evidence("tier", "0")], fleet.Finding("stale", "stale-dr-test").Evidence);
    }

    [Fact]
    public void Stale_dr_test_ignores_services_not_in_production()
    {
        var fleet = new TestFleet().Add("prototype", tier: 0, service => DrTested(service, null).WithProfile(profile => profile with { Lifecycle = "experimental" }));

        Assert.Empty(fleet.ServicesWith("stale-dr-test"));
    }

    [Fact]
    public void Manual_failover_on_tier_0_fires_only_for_a_manual_failover_on_tier0()
    {
        var fleet = new TestFleet()
            .Add("by-hand", tier: 0, service => Failing(service, FailoverMechanism.Manual))
            .Add("automatic", tier: 0, service => Failing(service, FailoverMechanism.Automatic))
            .Add("no-failover", tier: 0, service => Failing(service, FailoverMechanism.None))
            .Add("tier1-by-hand", tier: 1, service => Failing(service, FailoverMechanism.Manual));

        Assert.Equal(["by-hand"], fleet.ServicesWith("manual-failover-on-tier-0"));
        Assert.Equal([new Evidence("failover.mechanism", "manual")], fleet.Finding("by-hand", "manual-failover-on-tier-0").Evidence);
    }

    private static ServiceState DrTested(ServiceState service, DateOnly? day) => service.WithFacts(facts => facts with { LastDrTest = day });

    private static ServiceState Failing(ServiceState service, FailoverMechanism mechanism) =>
        service.WithFacts(facts => facts with { Failover = new Failover(mechanism) { LastExercised = TestFleet.AuditDay.AddDays(-30) } });
}
