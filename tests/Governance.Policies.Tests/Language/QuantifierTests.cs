using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Language;

public sealed class QuantifierTests
{
    private static readonly ServiceState Lonely = Healthy.Service("lonely");
    private static readonly ServiceState Mixed = Healthy.Service("mixed").Calling(new Dependency("a") { TimeoutMs = 100 }, new Dependency("b"));
    private static readonly ServiceState Guarded = Healthy.Service("guarded").Calling(new Dependency("a") { TimeoutMs = 100 }, new Dependency("b") { TimeoutMs = 300 });
    private static readonly ServiceState[] Fleet = [Lonely, Mixed, Guarded, Healthy.Service("a"), Healthy.Service("b")];

    [Fact]
    public void Some_holds_when_an_item_matches_and_never_for_no_items() =>
        Assert.Equal(["mixed"], Judge.Flagged("some: dependencies\nwhere: { absent: edge.timeoutMs }", Fleet));

    [Fact]
    public void Every_holds_when_all_items_match_and_for_no_items() =>
        Assert.Equal(["a", "b", "guarded", "lonely"], Judge.Flagged("every: dependencies\nwhere: { present: edge.timeoutMs }", Fleet));

    [Fact]
    public void None_holds_when_no_item_matches_and_for_no_items() =>
        Assert.Equal(["a", "b", "guarded", "lonely"], Judge.Flagged("none: dependencies\nwhere: { absent: edge.timeoutMs }", Fleet));

    [Theory]
    [InlineData("count: dependencies\nequals: 2", "guarded mixed")]
    [InlineData("count: dependencies\nequals: 0", "a b lonely")]
    [InlineData("count: dependencies\nwhere: { fact: edge.timeoutMs, atLeast: 100 }\natLeast: 2", "guarded")]
    [InlineData("count: dependencies\nwhere: { fact: edge.timeoutMs, atLeast: 100 }\nequals: 1", "mixed")]
    [InlineData("count: dataStores\natLeast: 1", "a b guarded lonely mixed")]
    public void Count_compares_the_number_of_items_that_match(string when, string flagged) =>
        Assert.Equal(flagged.Split(' '), Judge.Flagged(when, Fleet));

    [Fact]
    public void Inside_where_an_unprefixed_name_is_the_service_fact()
    {
        var tight = Healthy.Service("tight", tier: 0).Calling(new Dependency("a") { TimeoutMs = 100 });
        var loose = Healthy.Service("loose", tier: 2).Calling(new Dependency("a") { TimeoutMs = 100 });

        Assert.Equal(["tight"], Judge.Flagged("some: dependencies\nwhere: { all: [{ fact: tier, equals: 0 }, { fact: edge.timeoutMs, atMost: 100 }] }", tight, loose, Healthy.Service("a")));
    }

    [Fact]
    public void An_edge_fact_compares_with_a_service_fact()
    {
        var callers = new[]
        {
            Healthy.Service("fast-caller").Calling(new Dependency("middle") { TimeoutMs = 100 }),
            Healthy.Service("slow-caller").Calling(new Dependency("middle") { TimeoutMs = 900 }),
        };
        var middle = Healthy.Service("middle").Calling(new Dependency("leaf") { TimeoutMs = 500 });
        var leaf = Healthy.Service("leaf");

        Assert.Equal(["middle"], Judge.Flagged("some: dependencies\nwhere: { fact: edge.timeoutMs, greaterThan: { fact: minInboundTimeoutMs } }", [.. callers, middle, leaf]));
    }

    [Fact]
    public void Store_facts_range_over_data_stores()
    {
        var fragile = Healthy.Service("fragile").Storing(
            new DataStore("queue", "kafka", AvailabilityPrimitive.DistributedQueue),
            new DataStore("local", "sqlite", AvailabilityPrimitive.SingleInstance));
        var overridden = Healthy.Service("overridden").Storing(
            new DataStore("db", "mysql", AvailabilityPrimitive.ZoneReplicatedDatabase) { UnitOfFailureOverride = UnitOfFailure.Zone });

        Assert.Equal(["fragile"], Judge.Flagged("some: dataStores\nwhere: { fact: store.unitOfFailure, equals: host }", fragile, overridden));
        Assert.Equal(["overridden"], Judge.Flagged("some: dataStores\nwhere: { all: [{ fact: store.engine, equals: mysql }, { fact: store.unitOfFailure, equals: zone }] }", fragile, overridden));
        Assert.Equal(["fragile", "overridden"], Judge.Flagged("fact: weakestDataStore\natMost: zone", fragile, overridden));
    }

    [Fact]
    public void Target_facts_describe_the_service_an_edge_points_at()
    {
        var caller = Healthy.Service("caller", tier: 0).Calling(
            new Dependency("api:ledger"),
            new Dependency("ghost"),
            new Dependency("old"));
        var providerB = Healthy.Service("ledger-b", tier: 3).WithProfile(profile => profile with { ProvidesApis = ["ledger"] });
        var providerA = Healthy.Service("ledger-a", tier: 2).WithProfile(profile => profile with { ProvidesApis = ["ledger"] }).Spanning(1, 1, 1, 1);
        var old = Healthy.Service("old", tier: 1).WithProfile(profile => profile with { Lifecycle = "deprecated" });
        ServiceState[] fleet = [caller, providerB, providerA, old];

        Assert.Equal(["caller"], Judge.Flagged("some: dependencies\nwhere: { fact: target.exists, equals: false }", fleet));
        Assert.Equal(["caller"], Judge.Flagged("count: dependencies\nwhere: { fact: target.exists, equals: true }\nequals: 2", fleet));
        Assert.Equal(["caller"], Judge.Flagged("some: dependencies\nwhere: { fact: target.lifecycle, equals: deprecated }", fleet));

        // An API edge reads its first provider by id: ledger-a, tier 2, exposed to a host.
        Assert.Equal(["caller"], Judge.Flagged("some: dependencies\nwhere: { all: [{ fact: edge.target, equals: 'api:ledger' }, { fact: target.tier, equals: 2 }, { fact: target.exposure, equals: host }] }", fleet));
        Assert.Equal(["caller"], Judge.Flagged("some: dependencies\nwhere: { fact: target.tier, greaterThan: { fact: tier } }", fleet));
    }

    [Fact]
    public void Edge_attributes_and_hardness_are_facts()
    {
        var hard = Healthy.Service("hard").Calling(new Dependency("x") { Retries = 3 });
        var soft = Healthy.Service("soft").Calling(new Dependency("x") { ClientCache = true, CircuitBreaker = true, Retries = 3 });
        var queued = Healthy.Service("queued").Calling(new Dependency("x") { Synchronous = false, CriticalPath = false, GracefulDegradation = true });
        ServiceState[] fleet = [hard, soft, queued, Healthy.Service("x")];

        Assert.Equal(["hard"], Judge.Flagged("some: dependencies\nwhere: { fact: edge.hard, equals: true }", fleet));
        Assert.Equal(["hard", "soft"], Judge.Flagged("some: dependencies\nwhere: { all: [{ fact: edge.synchronous, equals: true }, { fact: edge.criticalPath, equals: true }, { fact: edge.retries, atLeast: 3 }] }", fleet));
        Assert.Equal(["soft"], Judge.Flagged("some: dependencies\nwhere: { all: [{ fact: edge.clientCache, equals: true }, { fact: edge.circuitBreaker, equals: true }] }", fleet));
        Assert.Equal(["queued"], Judge.Flagged("some: dependencies\nwhere: { fact: edge.gracefulDegradation, equals: true }", fleet));
    }
}
