using Governance.Domain.Catalog;
using static Governance.Domain.Tests.Graph.GraphSamples;

namespace Governance.Domain.Tests.Graph;

public sealed class FleetGraphTests
{
    [Fact]
    public void A_chain_counts_direct_and_transitive_neighbours()
    {
        var facts = FactsOf(Calls("a", "b"), Calls("b", "c"), Calls("c", "d"), Calls("d"));

        Assert.Equal([0, 1, 1, 1], new[] { "a", "b", "c", "d" }.Select(id => facts[id].FanIn));
        Assert.Equal([1, 1, 1, 0], new[] { "a", "b", "c", "d" }.Select(id => facts[id].FanOut));
        Assert.Equal([0, 1, 2, 3], new[] { "a", "b", "c", "d" }.Select(id => facts[id].TransitiveFanIn));
        Assert.Equal([3, 2, 1, 0], new[] { "a", "b", "c", "d" }.Select(id => facts[id].TransitiveFanOut));
        Assert.Equal([0, 1, 2, 3], new[] { "a", "b", "c", "d" }.Select(id => facts[id].BlastRadiusServices));
        Assert.All(facts.Values, fact => Assert.False(fact.InCycle));
    }

    [Fact]
    public void A_diamond_counts_each_service_once()
    {
        var facts = FactsOf(Calls("a", "b", "c"), Calls("b", "d"), Calls("c", "d"), Calls("d"));

        Assert.Equal(3, facts["a"].TransitiveFanOut);
        Assert.Equal(3, facts["d"].TransitiveFanIn);
        Assert.Equal(3, facts["d"].BlastRadiusServices);
        Assert.Equal(2, facts["d"].FanIn);
        Assert.Equal(1, facts["b"].TransitiveFanOut);
    }

    [Fact]
    public void Services_on_a_cycle_reach_the_whole_cycle_but_not_themselves()
    {
        var facts = FactsOf(Calls("a", "b"), Calls("b", "c"), Calls("c", "a", "d"), Calls("d"), Calls("e", "a"));

        Assert.Equal([true, true, true, false, false], new[] { "a", "b", "c", "d", "e" }.Select(id => facts[id].InCycle));
        Assert.Equal([3, 3, 3, 0, 4], new[] { "a", "b", "c", "d", "e" }.Select(id => facts[id].TransitiveFanOut));
        Assert.Equal([3, 3, 3, 4, 0], new[] { "a", "b", "c", "d", "e" }.Select(id => facts[id].TransitiveFanIn));
        Assert.Equal(3, facts["a"].BlastRadiusServices);
        Assert.Equal(4, facts["d"].BlastRadiusServices);
    }

    [Fact]
    public void Graceful_degradation_and_client_caches_stop_the_blast_radius_but_still_count_as_critical_callers()
    {
        var facts = FactsOf(
            Calls("b"),
            Calls("a", "b"),
            Calls("f", "a"),
            Samples.Service("c", new Dependency("b") { GracefulDegradation = true }),
            Calls("d", "c"),
            Samples.Service("e", new Dependency("b") { ClientCache = true }),
            Samples.Service("g", new Dependency("b") { Synchronous = false }),
            Samples.Service("h", new Dependency("b") { CriticalPath = false }));

        Assert.Equal(2, facts["b"].BlastRadiusServices);
        Assert.Equal(3, facts["b"].CriticalFanIn);
        Assert.Equal(5, facts["b"].FanIn);
        Assert.Equal(7, facts["b"].TransitiveFanIn);
        Assert.Equal(1, facts["c"].BlastRadiusServices);
    }

    [Fact]
    public void Critical_tier_0_callers_are_counted_apart()
    {
        var facts = FactsOf(
            Calls("hub"),
            new ServiceState(Samples.Profile("web", tier: 0)) { Dependencies = [new Dependency("hub")] },
            new ServiceState(Samples.Profile("api", tier: 0)) { Dependencies = [new Dependency("hub") { Synchronous = false }] },
            new ServiceState(Samples.Profile("batch", tier: 3)) { Dependencies = [new Dependency("hub")] });

        Assert.Equal(2, facts["hub"].CriticalFanIn);
        Assert.Equal(1, facts["hub"].CriticalFanInTier0);
    }

    [Fact]
    public void Blast_radius_products_are_the_distinct_products_of_the_service_and_everything_that_fails_with_it()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("flags") with { Products = ["voice"] }),
            new ServiceState(Samples.Profile("sms") with { Products = ["messaging", "voice"] }) { Dependencies = [new Dependency("flags")] },
            new ServiceState(Samples.Profile("edge") with { Products = ["video"] }) { Dependencies = [new Dependency("sms")] },
            new ServiceState(Samples.Profile("mail") with { Products = ["email"] }) { Dependencies = [new Dependency("flags") { ClientCache = true }] },
            Calls("tooling"));

        Assert.Equal(3, facts["flags"].BlastRadiusProducts);
        Assert.Equal(3, facts["sms"].BlastRadiusProducts);
        Assert.Equal(1, facts["mail"].BlastRadiusProducts);
        Assert.Equal(0, facts["tooling"].BlastRadiusProducts);
    }

    [Fact]
    public void Allowed_rto_is_the_slowest_target_among_hard_dependencies_only()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("web", tier: 0)) { Dependencies = [new Dependency("orders"), new Dependency("reports") { GracefulDegradation = true }] },
            new ServiceState(Samples.Profile("orders", tier: 2)) { Dependencies = [new Dependency("db")] },
            new ServiceState(Samples.Profile("db", tier: 1)),
            new ServiceState(Samples.Profile("reports", tier: 3)),
            new ServiceState(Samples.Profile("lab", tier: 3)) { Dependencies = [new Dependency("sandbox")] },
            new ServiceState(Samples.Profile("sandbox", tier: null)));

        Assert.Equal(240, facts["web"].AllowedRtoMinutes);
        Assert.Equal(60, facts["orders"].AllowedRtoMinutes);
        Assert.Null(facts["db"].AllowedRtoMinutes);
        Assert.Null(facts["lab"].AllowedRtoMinutes);
    }

    [Fact]
    public void Allowed_rto_on_a_hard_cycle_counts_the_rest_of_the_cycle_but_not_the_service_itself()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("a", tier: 3)) { Dependencies = [new Dependency("b")] },
            new ServiceState(Samples.Profile("b", tier: 1)) { Dependencies = [new Dependency("a")] },
            new ServiceState(Samples.Profile("c", tier: 0)) { Dependencies = [new Dependency("a")] });

        Assert.Equal(60, facts["a"].AllowedRtoMinutes);
        Assert.Equal(1440, facts["b"].AllowedRtoMinutes);
        Assert.Equal(1440, facts["c"].AllowedRtoMinutes);
    }
}
