using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

/// <summary>The policies on one call of a service: what it calls, and how it guards the call.</summary>
public sealed class DependencyEdgePolicyTests
{
    [Fact]
    public void Hard_dependency_on_lower_tier_fires_for_a_tier0_service_that_cannot_work_without_a_tier2_one()
    {
        var fleet = new TestFleet()
            .Add("checkout", tier: 0, service => service.Calling(Hard("ledger"), Hard("accounts")))
            .Add("ledger", tier: 2)
            .Add("accounts", tier: 0);

        Assert.Equal(["checkout"], fleet.ServicesWith("hard-dependency-on-lower-tier"));
        Assert.Equal(
            [new Evidence("edge.hard", "true", "ledger"), new Evidence("target.tier", "2", "ledger"), new Evidence("tier", "0")],
            fleet.Finding("checkout", "hard-dependency-on-lower-tier").Evidence);
    }

    [Fact]
    public void Hard_dependency_on_lower_tier_fires_for_an_unclassified_target()
    {
        var fleet = new TestFleet()
            .Add("checkout", tier: 0, service => service.Calling(Hard("mystery")))
            .Add("mystery", tier: null);

        Assert.Equal(["checkout"], fleet.ServicesWith("hard-dependency-on-lower-tier"));
        Assert.Equal(
            [new Evidence("edge.hard", "true", "mystery"), new Evidence("target.exists", "true", "mystery"), new Evidence("target.tier", "unknown", "mystery")],
            fleet.Finding("checkout", "hard-dependency-on-lower-tier").Evidence);
    }

    [Fact]
    public void Hard_dependency_on_lower_tier_ignores_same_tier_soft_calls_queued_calls_unknown_targets_and_tier1_callers()
    {
        var fleet = new TestFleet()
            .Add("peer", tier: 0, service => service.Calling(Hard("accounts")))
            .Add("cached", tier: 0, service => service.Calling(Hard("ledger") with { ClientCache = true }))
            .Add("degrading", tier: 0, service => service.Calling(Hard("ledger") with { GracefulDegradation = true }))
            .Add("queued", tier: 0, service => service.Calling(Hard("ledger") with { Synchronous = false }))
            .Add("dangling", tier: 0, service => service.Calling(Hard("not-in-the-catalog")))
            .Add("billing", tier: 1, service => service.Calling(Hard("ledger")))
            .Add("ledger", tier: 2)
            .Add("accounts", tier: 0);

        Assert.Empty(fleet.ServicesWith("hard-dependency-on-lower-tier"));
    }

    [Fact]
    public void Retries_without_timeout_fires_for_a_single_retry_of_a_critical_call_that_waits_without_limit()
    {
        var fleet = Targets()
            .Add("patient", tier: 3, service => service.Calling(new Dependency("a") { Retries = 1 }, Healthy.Edge("b")));

        Assert.Equal(["patient"], fleet.ServicesWith("retries-without-timeout"));
        Assert.Equal(
            [new Evidence("edge.synchronous", "true", "a"), new Evidence("edge.criticalPath", "true", "a"), new Evidence("edge.retries", "1", "a"), new Evidence("edge.timeoutMs", "none", "a")],
            fleet.Finding("patient", "retries-without-timeout").Evidence);
    }

    [Fact]
    public void Retries_without_timeout_ignores_no_retries_a_timeout_queued_calls_and_calls_off_the_critical_path()
    {
        var fleet = Targets()
            .Add("no-retries", change: service => service.Calling(new Dependency("a")))
            .Add("timed-out", change: service => service.Calling(new Dependency("a") { Retries = 3, TimeoutMs = 200 }))
            .Add("queued", change: service => service.Calling(new Dependency("a") { Retries = 3, Synchronous = false }))
            .Add("optional", change: service => service.Calling(new Dependency("a") { Retries = 3, CriticalPath = false }));

        Assert.Empty(fleet.ServicesWith("retries-without-timeout"));
    }

    private static Dependency Hard(string target) => new(target) { TimeoutMs = 100 };

    private static TestFleet Targets() => new TestFleet().Add("a").Add("b");
}
