using Governance.Domain.Catalog;

namespace Governance.Domain.Tests;

public sealed class FootprintTests
{
    [Theory]
    [InlineData(1, 1, 1, 1, UnitOfFailure.Host)]
    [InlineData(6, 1, 1, 1, UnitOfFailure.Zone)]
    [InlineData(6, 3, 1, 1, UnitOfFailure.Region)]
    [InlineData(12, 6, 2, 1, UnitOfFailure.Provider)]
    [InlineData(24, 8, 4, 2, UnitOfFailure.None)]
    public void Exposure_is_the_smallest_unit_the_service_does_not_span_twice(int hosts, int zones, int regions, int providers, UnitOfFailure expected) =>
        Assert.Equal(expected, new Footprint(hosts, zones, regions, providers).Exposure);

    [Fact]
    public void Counts_that_do_not_nest_are_rejected_by_field()
    {
        var errors = new Footprint(2, 3, 1, 0).Validate("footprint").ToList();

        Assert.Equal(["footprint.providers", "footprint.zones"], errors.Select(error => error.Field).Order().ToList());
    }

    [Theory]
    [InlineData(AvailabilityPrimitive.SingleInstance, UnitOfFailure.Host)]
    [InlineData(AvailabilityPrimitive.InMemoryDistributed, UnitOfFailure.Zone)]
    [InlineData(AvailabilityPrimitive.DistributedQueue, UnitOfFailure.Region)]
    [InlineData(AvailabilityPrimitive.RegionReplicatedDatabase, UnitOfFailure.Provider)]
    public void A_store_fails_with_the_unit_its_primitive_does_not_survive(AvailabilityPrimitive primitive, UnitOfFailure expected) =>
        Assert.Equal(expected, new DataStore("db", "x", primitive).UnitOfFailure);

    [Fact]
    public void A_store_override_wins_over_its_primitive() =>
        Assert.Equal(UnitOfFailure.Zone, new DataStore("db", "x", AvailabilityPrimitive.RegionReplicatedDatabase) { UnitOfFailureOverride = UnitOfFailure.Zone }.UnitOfFailure);
}
