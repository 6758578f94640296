using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

public sealed class ObservabilityPolicyTests
{
    [Theory]
    [InlineData(0, 79, true)]
    [InlineData(0, 80, false)]
    [InlineData(1, 49, true)]
    [InlineData(1, 50, false)]
    [InlineData(1, 0, true)]
    [InlineData(0, null, true)]
    [InlineData(2, 0, false)]
    public void Low_tracing_coverage_holds_tier0_to_80_percent_and_tier1_to_50(int tier, int? percent, bool fires)
    {
        var fleet = new TestFleet().Add("svc", tier, service => Tracing(service, percent));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("low-tracing-coverage"));
    }

    [Fact]
    public void Low_tracing_coverage_shows_the_coverage_and_the_tier_it_was_held_to()
    {
        var fleet = new TestFleet()
            .Add("dim", tier: 0, service => Tracing(service, 79))
            .Add("dark", tier: 1, service => Tracing(service, null));

        Assert.Equal([new Evidence("tracingCoveragePercent", "79"), new Evidence("tier", "0")], fleet.Finding("dim", "low-tracing-coverage").Evidence);
        Assert.Equal([new Evidence("tracingCoveragePercent", "unknown")], fleet.Finding("dark", "low-tracing-coverage").Evidence);
    }

    [Fact]
    public void Low_tracing_coverage_leaves_resources_alone()
    {
        var fleet = new TestFleet().Add("database", tier: 0, service => Tracing(service, null).WithProfile(profile => profile with { Kind = "resource" }));

        Assert.Empty(fleet.ServicesWith("low-tracing-coverage"));
    }

    [Fact]
    public void No_per_customer_sla_alerting_fires_for_tier0_and_tier1_without_or_with_unknown_alerting()
    {
        var fleet = new TestFleet()
            .Add("averages-only", tier: 0, service => SlaAlerting(service, false))
            .Add("unknown", tier: 1, service => SlaAlerting(service, null));

        Assert.Equal(["averages-only", "unknown"], fleet.ServicesWith("no-per-customer-sla-alerting"));
        Assert.Equal([new Evidence("perCustomerSlaAlerting", "false")], fleet.Finding("averages-only", "no-per-customer-sla-alerting").Evidence);
    }

    [Fact]
    public void No_per_customer_sla_alerting_ignores_alerting_services_tier2_and_resources()
    {
        var fleet = new TestFleet()
            .Add("per-account", tier: 0, service => SlaAlerting(service, true))
            .Add("tier2", tier: 2, service => SlaAlerting(service, false))
            .Add("queue", tier: 0, service => SlaAlerting(service, false).WithProfile(profile => profile with { Kind = "resource" }));

        Assert.Empty(fleet.ServicesWith("no-per-customer-sla-alerting"));
    }

    private static ServiceState Tracing(ServiceState service, int? percent) =>
        service.WithFacts(facts => facts with { TracingCoveragePercent = percent });

    private static ServiceState SlaAlerting(ServiceState service, bool? alerting) =>
        service.WithFacts(facts => facts with { PerCustomerSlaAlerting = alerting });
}
