using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

public sealed class DependencyPolicyTests
{
    [Fact]
    public void Critical_path_hub_fires_for_a_service_five_tier0_services_wait_on()
    {
        var fleet = Callers("hub", count: 5, tier: 0, new Dependency("hub") { ClientCache = true });

        Assert.Equal(["hub"], fleet.ServicesWith("critical-path-hub"));
        Assert.Equal([new Evidence("criticalFanInTier0", "5")], fleet.Finding("hub", "critical-path-hub").Evidence);
    }

    [Fact]
    public void Critical_path_hub_ignores_fewer_callers_tier1_callers_queued_calls_and_experiments()
    {
        Assert.Empty(Callers("hub", count: 4, tier: 0, new Dependency("hub")).ServicesWith("critical-path-hub"));
        Assert.Empty(Callers("hub", count: 6, tier: 1, new Dependency("hub")).ServicesWith("critical-path-hub"));
        Assert.Empty(Callers("hub", count: 6, tier: 0, new Dependency("hub") { Synchronous = false }).ServicesWith("critical-path-hub"));
        Assert.Empty(Callers("hub", count: 6, tier: 0, new Dependency("hub"), hub => hub.WithProfile(profile => profile with { Lifecycle = "experimental" })).ServicesWith("critical-path-hub"));
    }

    [Fact]
    public void Unguarded_critical_dependency_fires_for_a_hard_call_without_timeout()
    {
        var fleet = new TestFleet()
            .Add("api", tier: 0, service => service.Calling(new Dependency("feature-enablement"), Healthy.Edge("accounts")))
            .Add("feature-enablement", tier: 0)
            .Add("accounts", tier: 0);

        Assert.Equal(["api"], fleet.ServicesWith("unguarded-critical-dependency"));
        Assert.Equal(
            [new Evidence("edge.hard", "true", "feature-enablement"), new Evidence("edge.timeoutMs", "none", "feature-enablement"), new Evidence("target.exists", "true", "feature-enablement")],
            fleet.Finding("api", "unguarded-critical-dependency").Evidence);
    }

    [Theory]
    [InlineData(0, 250, false, false, true, "feature-enablement")]
    [InlineData(0, null, true, false, true, "feature-enablement")]
    [InlineData(0, null, false, true, true, "feature-enablement")]
    [InlineData(0, null, false, false, false, "feature-enablement")]
    [InlineData(0, null, false, false, true, "not-in-the-catalog")]
    [InlineData(2, null, false, false, true, "feature-enablement")]
    public void Unguarded_critical_dependency_ignores_timeouts_caches_degradation_queues_dangling_targets_and_low_tiers(
        int tier, int? timeoutMs, bool clientCache, bool degrades, bool synchronous, string target)
    {
        var fleet = new TestFleet()
            .Add("api", tier, service => service.Calling(new Dependency(target) { TimeoutMs = timeoutMs, ClientCache = clientCache, GracefulDegradation = degrades, Synchronous = synchronous }))
            .Add("feature-enablement", tier: 0);

        Assert.Empty(fleet.ServicesWith("unguarded-critical-dependency"));
    }

    [Fact]
    public void Timeout_exceeding_the_callers_budget_fires_when_a_callee_gets_longer_than_the_service_gets()
    {
        var fleet = Chain(inboundMs: [200, 800], outboundMs: 500);

        Assert.Equal(["middle"], fleet.ServicesWith("timeout-exceeds-caller-budget"));
        Assert.Equal([new Evidence("edge.synchronous", "true", "leaf"), new Evidence("edge.timeoutMs", "500", "leaf"), new Evidence("minInboundTimeoutMs", "200")],
            fleet.Finding("middle", "timeout-exceeds-caller-budget").Evidence);
    }

    [Fact]
    public void Timeout_exceeding_the_callers_budget_ignores_shorter_timeouts_unknown_budgets_and_queued_calls()
    {
        Assert.Empty(Chain(inboundMs: [200], outboundMs: 150).ServicesWith("timeout-exceeds-caller-budget"));
        Assert.Empty(Chain(inboundMs: [null], outboundMs: 5000).ServicesWith("timeout-exceeds-caller-budget"));
        Assert.Empty(Chain(inboundMs: [200], outboundMs: 5000, synchronous: false).ServicesWith("timeout-exceeds-caller-budget"));
    }

    [Fact]
    public void No_fallback_fires_when_every_critical_dependency_of_two_or_more_is_hard()
    {
        var fleet = Targets()
            .Add("brittle", tier: 1, service => service.Calling(Hard("a"), Hard("b"), new Dependency("c") { CriticalPath = false }));

        Assert.Equal(["brittle"], fleet.ServicesWith("no-fallback-on-critical-path"));
    }

    [Fact]
    public void No_fallback_ignores_one_fallback_a_single_critical_dependency_and_tier3()
    {
        var fleet = Targets()
            .Add("one-cached", tier: 1, service => service.Calling(Hard("a"), Hard("b") with { ClientCache = true }))
            .Add("single", tier: 1, service => service.Calling(Hard("a"), new Dependency("b") { CriticalPath = false }))
            .Add("tooling", tier: 3, service => service.Calling(Hard("a"), Hard("b")));

        Assert.Empty(fleet.ServicesWith("no-fallback-on-critical-path"));
    }

    [Fact]
    public void Retries_without_circuit_breaker_fires_for_three_retries_and_no_breaker_anywhere()
    {
        var fleet = Targets()
            .Add("stormy", change: service => service.Calling(new Dependency("a") { Retries = 3, TimeoutMs = 100 }, new Dependency("b") { TimeoutMs = 100 }))
            .Add("broken-once", change: service => service.Calling(new Dependency("a") { Retries = 5 }, new Dependency("b") { CircuitBreaker = true }))
            .Add("patient", change: service => service.Calling(new Dependency("a") { Retries = 2 }));

        Assert.Equal(["stormy"], fleet.ServicesWith("retries-without-circuit-breaker"));
        Assert.Equal(
            [new Evidence("edge.retries", "3", "a"), new Evidence("edge.circuitBreaker", "false", "a"), new Evidence("edge.circuitBreaker", "false", "b")],
            fleet.Finding("stormy", "retries-without-circuit-breaker").Evidence);
    }

    private static Dependency Hard(string target) => new(target) { TimeoutMs = 100 };

    private static TestFleet Targets() => new TestFleet().Add("a").Add("b").Add("c");

    private static TestFleet Callers(string hubId, int count, int tier, Dependency edge, Func<ServiceState, ServiceState>? hub = null)
    {
        var fleet = new TestFleet().Add(hubId, tier: 1, hub);
        for (var i = 0; i < count; i++)
        {
            fleet.Add($"caller-{i}", tier, service => service.Calling(edge));
        }

        return fleet;
    }

    private static TestFleet Chain(int?[] inboundMs, int outboundMs, bool synchronous = true)
    {
        var fleet = new TestFleet()
            .Add("middle", change: service => service.Calling(new Dependency("leaf") { TimeoutMs = outboundMs, Synchronous = synchronous, ClientCache = true }))
            .Add("leaf");
        for (var i = 0; i < inboundMs.Length; i++)
        {
            var timeout = inboundMs[i];
            fleet.Add($"caller-{i}", change: service => service.Calling(new Dependency("middle") { TimeoutMs = timeout }));
        }

        return fleet;
    }
}
