using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Engine;

public sealed class EvidenceTests
{
    [Fact]
    public void A_comparison_records_its_fact_and_value()
    {
        var fleet = new TestFleet().Add("hub", tier: 0).WithGraph("hub", TestFleet.Isolated with { CriticalFanInTier0 = 7 });

        Assert.Equal([new Evidence("criticalFanInTier0", "7")], Evidence(fleet, "hub", "fact: criticalFanInTier0\natLeast: 5"));
    }

    [Fact]
    public void A_quantifier_records_the_matching_items()
    {
        var fleet = new TestFleet()
            .Add("api", tier: 0, service => service.Calling(new Dependency("feature-enablement"), new Dependency("accounts") { TimeoutMs = 300 }, new Dependency("billing")))
            .Add("feature-enablement").Add("accounts").Add("billing");

        Assert.Equal(
            [new Evidence("edge.timeoutMs", "none", "billing"), new Evidence("edge.timeoutMs", "none", "feature-enablement")],
            Evidence(fleet, "api", "some: dependencies\nwhere: { absent: edge.timeoutMs }"));
    }

    [Fact]
    public void An_edge_compared_with_a_service_fact_records_both()
    {
        var fleet = new TestFleet()
            .Add("caller", change: service => service.Calling(new Dependency("middle") { TimeoutMs = 200 }))
            .Add("middle", change: service => service.Calling(new Dependency("leaf") { TimeoutMs = 500 }, new Dependency("cache") { TimeoutMs = 50 }))
            .Add("leaf").Add("cache");

        Assert.Equal(
            [new Evidence("edge.timeoutMs", "500", "leaf"), new Evidence("minInboundTimeoutMs", "200")],
            Evidence(fleet, "middle", "some: dependencies\nwhere: { fact: edge.timeoutMs, greaterThan: { fact: minInboundTimeoutMs } }"));
    }

    [Fact]
    public void All_records_every_part_and_any_only_the_parts_that_held()
    {
        var fleet = new TestFleet().Add("svc", tier: 0, service => service.Spanning(1, 1, 1, 1).WithFacts(facts => facts with { ManualDeploySteps = 3 }));

        Assert.Equal(
            [new Evidence("exposure", "host"), new Evidence("tierTarget.mustSurvive", "region"), new Evidence("manualDeploySteps", "3")],
            Evidence(fleet, "svc", """
                all:
                  - { fact: exposure, atMost: { tierTarget: mustSurvive } }
                  - any:
                      - { fact: tier, equals: 3 }
                      - { fact: manualDeploySteps, greaterThan: 0 }
                """));
    }

    [Fact]
    public void Not_records_the_facts_that_made_its_condition_false()
    {
        var fleet = new TestFleet().Add("svc", change: service => service.WithFacts(facts => facts with { Environments = [DeploymentEnvironment.Production] }));

        Assert.Equal([new Evidence("environments", "[production]")], Evidence(fleet, "svc", "not: { fact: environments, contains: staging }"));
    }

    [Fact]
    public void Unknown_values_and_by_tier_thresholds_are_explained()
    {
        var fleet = new TestFleet()
            .Add("unknown", tier: 0, service => service.WithFacts(facts => facts with { Autoscaling = null }))
            .Add("slow", tier: 1, service => service.WithFacts(facts => facts with { Autoscaling = new Autoscaling(true) { ReactionSeconds = 900 } }));
        const string When = """
            any:
              - absent: autoscaling.enabled
              - { fact: autoscaling.reactionSeconds, greaterThan: { byTier: { 0: 120, default: 300 } } }
            """;

        Assert.Equal([new Evidence("autoscaling.enabled", "unknown")], Evidence(fleet, "unknown", When));
        Assert.Equal([new Evidence("autoscaling.reactionSeconds", "900"), new Evidence("tier", "1")], Evidence(fleet, "slow", When));
    }

    [Fact]
    public void Every_and_none_record_all_items_and_an_empty_collection_says_so()
    {
        var fleet = new TestFleet()
            .Add("two", change: service => service.Calling(new Dependency("a") { Retries = 1 }, new Dependency("b") { Retries = 2 }))
            .Add("zero").Add("a").Add("b");
        const string When = "none: dependencies\nwhere: { fact: edge.circuitBreaker, equals: true }";

        Assert.Equal([new Evidence("edge.circuitBreaker", "false", "a"), new Evidence("edge.circuitBreaker", "false", "b")], Evidence(fleet, "two", When));
        Assert.Equal([new Evidence("count(dependencies)", "0")], Evidence(fleet, "zero", When));
    }

    [Fact]
    public void Count_records_the_matching_items_and_the_count()
    {
        var fleet = new TestFleet()
            .Add("svc", change: service => service.Calling(new Dependency("a"), new Dependency("b") { GracefulDegradation = true }, new Dependency("c")))
            .Add("a").Add("b").Add("c");

        Assert.Equal(
            [new Evidence("edge.hard", "true", "a"), new Evidence("edge.hard", "true", "c"), new Evidence("count(dependencies matching)", "2")],
            Evidence(fleet, "svc", "count: dependencies\nwhere: { fact: edge.hard, equals: true }\natLeast: 2"));
    }

    [Fact]
    public void A_fact_read_twice_is_recorded_once()
    {
        var fleet = new TestFleet().Add("svc", tier: 0);

        Assert.Equal([new Evidence("tier", "0")], Evidence(fleet, "svc", "all: [{ fact: tier, equals: 0 }, { fact: tier, lessThan: 1 }]"));
    }

    [Fact]
    public void Evidence_reads_as_fact_equals_value_naming_the_item()
    {
        Assert.Equal("edge.timeoutMs = none", new Evidence("edge.timeoutMs", "none").ToString());
        Assert.Equal("billing: edge.timeoutMs = none", new Evidence("edge.timeoutMs", "none", "billing").ToString());
    }

    private static IReadOnlyList<Evidence> Evidence(TestFleet fleet, string serviceId, string when) =>
        fleet.Finding(serviceId, "test", PolicyFiles.With(when)).Evidence;
}
