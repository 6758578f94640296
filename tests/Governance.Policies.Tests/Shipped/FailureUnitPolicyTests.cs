using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

/// <summary>The units-of-failure and data policies: exposure and stores against what the tier must survive.</summary>
public sealed class FailureUnitPolicyTests
{
    [Fact]
    public void Single_unit_of_failure_fires_when_the_unit_the_tier_must_survive_takes_the_service_down()
    {
        var fleet = new TestFleet()
            .Add("t0-one-region", tier: 0, service => service.Spanning(6, 3, 1, 1))
            .Add("t1-one-zone", tier: 1, service => service.Spanning(3, 1, 1, 1))
            .Add("t2-one-host", tier: 2, service => service.Spanning(1, 1, 1, 1));

        Assert.Equal(["t0-one-region", "t1-one-zone", "t2-one-host"], fleet.ServicesWith("single-unit-of-failure"));
        Assert.Equal([new Evidence("exposure", "region"), new Evidence("tierTarget.mustSurvive", "region")], fleet.Finding("t0-one-region", "single-unit-of-failure").Evidence);
    }

    [Fact]
    public void Single_unit_of_failure_ignores_services_that_survive_their_unit_tier3_and_unknown_footprints()
    {
        var fleet = new TestFleet()
            .Add("t0-two-regions", tier: 0, service => service.Spanning(6, 3, 2, 1))
            .Add("t1-one-region", tier: 1, service => service.Spanning(6, 3, 1, 1))
            .Add("t3-one-host", tier: 3, service => service.Spanning(1, 1, 1, 1))
            .Add("t0-unknown", tier: 0, service => service with { Footprint = null });

        Assert.Empty(fleet.ServicesWith("single-unit-of-failure"));
    }

    [Theory]
    [InlineData(0, AvailabilityPrimitive.ZoneReplicatedDatabase, true)]
    [InlineData(0, AvailabilityPrimitive.RegionReplicatedDatabase, false)]
    [InlineData(1, AvailabilityPrimitive.InMemoryDistributed, true)]
    [InlineData(1, AvailabilityPrimitive.DistributedQueue, false)]
    [InlineData(3, AvailabilityPrimitive.SingleInstance, true)]
    [InlineData(3, AvailabilityPrimitive.InMemoryDistributed, false)]
    public void Data_store_weaker_than_tier_compares_each_store_with_what_the_tier_must_survive(int tier, AvailabilityPrimitive primitive, bool fires)
    {
        var fleet = new TestFleet().Add("svc", tier, service => service.Storing(new DataStore("good", "spanner", AvailabilityPrimitive.MultiProviderReplicated), new DataStore("store", "engine", primitive)));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("data-store-weaker-than-tier"));
    }

    [Fact]
    public void Data_store_weaker_than_tier_names_the_store_and_honours_overrides()
    {
        var fleet = new TestFleet()
            .Add("overridden", tier: 1, service => service.Storing(new DataStore("orders", "mysql", AvailabilityPrimitive.RegionReplicatedDatabase) { UnitOfFailureOverride = UnitOfFailure.Zone }))
            .Add("stateless", tier: 0, service => service.Storing());

        Assert.Equal(["overridden"], fleet.ServicesWith("data-store-weaker-than-tier"));
        Assert.Equal([new Evidence("store.unitOfFailure", "zone", "orders"), new Evidence("tierTarget.mustSurvive", "zone")], fleet.Finding("overridden", "data-store-weaker-than-tier").Evidence);
    }
}
