using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Language;

public sealed class ComparisonTests
{
    private static readonly ServiceState[] Hosts =
    [
        Healthy.Service("h1").Spanning(1, 1, 1, 1),
        Healthy.Service("h2").Spanning(2, 1, 1, 1),
        Healthy.Service("h3").Spanning(3, 3, 1, 1),
    ];

    [Theory]
    [InlineData("equals: 2", "h2")]
    [InlineData("notEquals: 2", "h1 h3")]
    [InlineData("lessThan: 2", "h1")]
    [InlineData("atMost: 2", "h1 h2")]
    [InlineData("greaterThan: 2", "h3")]
    [InlineData("atLeast: 2", "h2 h3")]
    [InlineData("in: [1, 3]", "h1 h3")]
    [InlineData("notIn: [1, 3]", "h2")]
    [InlineData("greaterThan: 1.5", "h2 h3")]
    public void Numbers_compare_with_every_comparison(string comparison, string flagged) =>
        Assert.Equal(flagged.Split(' '), Judge.Flagged($"fact: footprint.hosts\n{comparison}", Hosts));

    [Fact]
    public void Units_of_failure_compare_in_order_host_zone_region_provider_none()
    {
        var none = Healthy.Service("none").Spanning(8, 4, 4, 2);
        var provider = Healthy.Service("provider");

        Assert.Equal(["h1", "h2", "h3"], Judge.Flagged("fact: exposure\nlessThan: provider", [.. Hosts, none, provider]));
        Assert.Equal(["h3", "none", "provider"], Judge.Flagged("fact: exposure\natLeast: region", [.. Hosts, none, provider]));
        Assert.Equal(["none"], Judge.Flagged("fact: exposure\nequals: none", [.. Hosts, none, provider]));
        Assert.Equal(["h1", "h2"], Judge.Flagged("fact: exposure\nin: [host, zone]", [.. Hosts, none, provider]));
    }

    [Fact]
    public void Text_compares_without_regard_to_case()
    {
        var services = new[]
        {
            Healthy.Service("a").WithProfile(profile => profile with { Lifecycle = "Production" }),
            Healthy.Service("b").WithProfile(profile => profile with { Lifecycle = "deprecated" }),
            Healthy.Service("c").WithProfile(profile => profile with { Lifecycle = null }),
        };

        Assert.Equal(["a"], Judge.Flagged("fact: lifecycle\nequals: production", services));
        Assert.Equal(["b"], Judge.Flagged("fact: lifecycle\nnotEquals: production", services));
        Assert.Equal(["a", "b"], Judge.Flagged("fact: lifecycle\nin: [PRODUCTION, deprecated]", services));
        Assert.Equal(["b"], Judge.Flagged("fact: lifecycle\nnotIn: [production]", services));
    }

    [Fact]
    public void Empty_text_is_unknown_so_no_comparison_with_it_holds()
    {
        var services = new[]
        {
            Healthy.Service("empty").WithProfile(profile => profile with { Lifecycle = string.Empty }),
            Healthy.Service("other").WithProfile(profile => profile with { Lifecycle = "deprecated" }),
        };

        Assert.Equal(["other"], Judge.Flagged("fact: lifecycle\nnotEquals: production", services));
        Assert.Equal(["other"], Judge.Flagged("fact: lifecycle\nnotIn: [production]", services));
    }

    [Fact]
    public void Enumerations_compare_as_their_kebab_case_names()
    {
        var manual = Healthy.Service("manual").WithFacts(facts => facts with { Failover = new Failover(FailoverMechanism.Manual) });
        var cache = Healthy.Service("cache").Storing(new DataStore("sessions", "redis", AvailabilityPrimitive.InMemoryDistributed));

        Assert.Equal(["manual"], Judge.Flagged("fact: failover.mechanism\nequals: manual", manual, cache));
        Assert.Equal(["cache"], Judge.Flagged("some: dataStores\nwhere: { fact: store.primitive, equals: in-memory-distributed }", manual, cache));
    }

    [Fact]
    public void Bools_compare_with_equals_and_not_equals()
    {
        var off = Healthy.Service("off").WithFacts(facts => facts with { PerCustomerSlaAlerting = false });
        var unknown = Healthy.Service("unknown").WithFacts(facts => facts with { PerCustomerSlaAlerting = null });

        Assert.Equal(["off"], Judge.Flagged("fact: perCustomerSlaAlerting\nequals: false", off, unknown, Healthy.Service("on")));
        Assert.Equal(["off"], Judge.Flagged("fact: perCustomerSlaAlerting\nnotEquals: true", off, unknown, Healthy.Service("on")));
    }

    [Fact]
    public void Lists_are_tested_with_contains()
    {
        var noStaging = Healthy.Service("no-staging").WithFacts(facts => facts with { Environments = [DeploymentEnvironment.Development, DeploymentEnvironment.Production] });
        var tagged = Healthy.Service("tagged").WithProfile(profile => profile with { Tags = ["Java", "grpc"] });

        Assert.Equal(["no-staging"], Judge.Flagged("not: { fact: environments, contains: staging }", noStaging, tagged));
        Assert.Equal(["tagged"], Judge.Flagged("fact: tags\ncontains: java", noStaging, tagged));
    }

    [Fact]
    public void A_list_can_contain_the_value_of_another_fact_or_a_value_by_tier()
    {
        var own = Healthy.Service("own", tier: 0).WithProfile(profile => profile with { Owner = "payments", Tags = ["payments", "java"] });
        var other = Healthy.Service("other", tier: 1).WithProfile(profile => profile with { Owner = "search", Tags = ["java"] });
        var unowned = Healthy.Service("unowned", tier: 1).WithProfile(profile => profile with { Owner = null, Tags = ["java"] });

        Assert.Equal(["own"], Judge.Flagged("fact: tags\ncontains: { fact: owner }", own, other, unowned));
        Assert.Equal(["other", "unowned"], Judge.Flagged("fact: tags\ncontains: { byTier: { 0: go, default: java } }", own, other, unowned));
    }

    [Fact]
    public void Dates_compare_with_date_literals()
    {
        var early = Healthy.Service("early").WithFacts(facts => facts with { LastDrTest = new DateOnly(2020, 12, 31) });
        var late = Healthy.Service("late").WithFacts(facts => facts with { LastDrTest = new DateOnly(2021, 1, 1) });

        Assert.Equal(["early"], Judge.Flagged("fact: lastDrTest\nlessThan: 2021-01-01", early, late));
        Assert.Equal(["late"], Judge.Flagged("fact: lastDrTest\natLeast: 2021-01-01", early, late));
    }

    [Fact]
    public void A_comparison_with_an_unknown_value_is_false_and_its_negation_true()
    {
        var unknown = Healthy.Service("unknown").WithFacts(facts => facts with { TracingCoveragePercent = null });
        var low = Healthy.Service("low").WithFacts(facts => facts with { TracingCoveragePercent = 10 });

        Assert.Equal(["low"], Judge.Flagged("fact: tracingCoveragePercent\nlessThan: 50", unknown, low));
        Assert.Equal(["low"], Judge.Flagged("fact: tracingCoveragePercent\nnotEquals: 90", unknown, low));
        Assert.Equal(["low"], Judge.Flagged("fact: tracingCoveragePercent\nnotIn: [90]", unknown, low));
        Assert.Equal(["unknown"], Judge.Flagged("not: { fact: tracingCoveragePercent, atLeast: 0 }", unknown, low));
    }

    [Fact]
    public void Present_and_absent_tell_known_from_unknown_and_empty_lists_count_as_unknown()
    {
        var bare = new ServiceState(new ServiceProfile("bare", "Bare"));
        var full = Healthy.Service("full").WithProfile(profile => profile with { Tags = ["java"] });

        Assert.Equal(["full"], Judge.Flagged("all:\n  - present: exposure\n  - present: owner\n  - present: tags\n  - present: autoscaling.enabled", bare, full));
        Assert.Equal(["bare"], Judge.Flagged("all:\n  - absent: exposure\n  - absent: weakestDataStore\n  - absent: tags\n  - absent: tier\n  - absent: tierTarget.mustSurvive", bare, full));
    }

    [Fact]
    public void A_fact_operand_compares_two_facts_of_the_service()
    {
        var balanced = Healthy.Service("balanced").WithFacts(facts => facts with { ManualDeploySteps = 2, ManualRunbookSteps = 2 });
        var heavy = Healthy.Service("heavy").WithFacts(facts => facts with { ManualDeploySteps = 1, ManualRunbookSteps = 5 });
        var unknown = Healthy.Service("unknown").WithFacts(facts => facts with { ManualRunbookSteps = null });

        Assert.Equal(["heavy"], Judge.Flagged("fact: manualRunbookSteps\ngreaterThan: { fact: manualDeploySteps }", balanced, heavy, unknown));
        Assert.Equal(["balanced"], Judge.Flagged("fact: manualRunbookSteps\nequals: { fact: manualDeploySteps }", balanced, heavy, unknown));
    }
}
