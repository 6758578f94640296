using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

/// <summary>The single-host and single-instance policies: the cheapest units of failure to design away (seed 004).</summary>
public sealed class FailureExposurePolicyTests
{
    [Fact]
    public void Single_host_exposure_fires_for_any_production_service_on_one_host()
    {
        var fleet = new TestFleet()
            .Add("wiki", tier: 3, service => service.Spanning(1, 1, 1, 1))
            .Add("edge", tier: 0, service => service.Spanning(1, 1, 1, 1))
            .Add("unclassified", tier: null, service => service.Spanning(1, 1, 1, 1));

        Assert.Equal(["edge", "unclassified", "wiki"], fleet.ServicesWith("single-host-exposure"));
        Assert.Equal([new Evidence("exposure", "host")], fleet.Finding("wiki", "single-host-exposure").Evidence);
    }

    [Fact]
    public void Single_host_exposure_ignores_two_hosts_unknown_footprints_and_services_not_in_production()
    {
        var fleet = new TestFleet()
            .Add("two-hosts", tier: 3, service => service.Spanning(2, 1, 1, 1))
            .Add("unknown", tier: 3, service => service with { Footprint = null })
            .Add("prototype", tier: 3, service => service.Spanning(1, 1, 1, 1).WithProfile(profile => profile with { Lifecycle = "experimental" }));

        Assert.Empty(fleet.ServicesWith("single-host-exposure"));
    }

    [Theory]
    [InlineData(0, AvailabilityPrimitive.SingleInstance, true)]
    [InlineData(1, AvailabilityPrimitive.SingleInstance, true)]
    [InlineData(2, AvailabilityPrimitive.SingleInstance, false)]
    [InlineData(0, AvailabilityPrimitive.InMemoryDistributed, false)]
    [InlineData(1, AvailabilityPrimitive.DistributedQueue, false)]
    public void Single_instance_data_store_fires_for_tier0_and_tier1_only_on_a_single_instance(int tier, AvailabilityPrimitive primitive, bool fires)
    {
        var fleet = new TestFleet().Add("svc", tier, service => service.Storing(Replicated, new DataStore("store", "engine", primitive)));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("single-instance-data-store"));
    }

    [Fact]
    public void Single_instance_data_store_names_the_store()
    {
        var fleet = new TestFleet().Add("billing", tier: 1, service => service.Storing(Replicated, new DataStore("invoices", "mysql", AvailabilityPrimitive.SingleInstance)));

        Assert.Equal([new Evidence("store.primitive", "single-instance", "invoices")], fleet.Finding("billing", "single-instance-data-store").Evidence);
    }

    private static DataStore Replicated { get; } = new("records", "postgresql", AvailabilityPrimitive.RegionReplicatedDatabase);
}
