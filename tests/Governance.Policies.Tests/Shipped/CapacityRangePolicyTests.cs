using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

public sealed class CapacityRangePolicyTests
{
    [Theory]
    [InlineData(0, true, 4, 4, true)]
    [InlineData(1, true, 6, 5, true)]
    [InlineData(0, true, 4, 5, false)]
    [InlineData(0, false, 4, 4, false)]
    [InlineData(0, true, 4, null, false)]
    [InlineData(2, true, 4, 4, false)]
    public void Autoscaling_without_headroom_fires_when_the_maximum_is_at_most_the_minimum(int tier, bool enabled, int? min, int? max, bool fires)
    {
        var fleet = new TestFleet().Add("svc", tier, service => Scaling(service, enabled, min, max));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("autoscaling-without-headroom"));
    }

    [Fact]
    public void Autoscaling_without_headroom_shows_the_range()
    {
        var fleet = new TestFleet().Add("pinned", tier: 0, service => Scaling(service, enabled: true, min: 4, max: 4));

        Assert.Equal(
            [new Evidence("autoscaling.enabled", "true"), new Evidence("autoscaling.maxInstances", "4"), new Evidence("autoscaling.minInstances", "4")],
            fleet.Finding("pinned", "autoscaling-without-headroom").Evidence);
    }

    private static ServiceState Scaling(ServiceState service, bool enabled, int? min, int? max) =>
        service.WithFacts(facts => facts with { Autoscaling = new Autoscaling(enabled) { ReactionSeconds = 60, MinInstances = min, MaxInstances = max } });
}
