using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

/// <summary>The policies on a service's place in the dependency graph: cycles, unknown and deprecated targets, blast radius.</summary>
public sealed class DependencyGraphPolicyTests
{
    [Fact]
    public void Dependency_cycle_fires_for_every_service_on_a_loop_and_not_for_its_callers()
    {
        var fleet = new TestFleet()
            .Add("a", change: service => service.Calling(Healthy.Edge("b")))
            .Add("b", change: service => service.Calling(Healthy.Edge("c")))
            .Add("c", change: service => service.Calling(Healthy.Edge("a")))
            .Add("caller", change: service => service.Calling(Healthy.Edge("a")));

        Assert.Equal(["a", "b", "c"], fleet.ServicesWith("dependency-cycle"));
        Assert.Equal([new Evidence("inCycle", "true")], fleet.Finding("b", "dependency-cycle").Evidence);
    }

    [Fact]
    public void Dependency_cycle_ignores_a_chain_and_a_diamond()
    {
        var fleet = new TestFleet()
            .Add("top", change: service => service.Calling(Healthy.Edge("left"), Healthy.Edge("right")))
            .Add("left", change: service => service.Calling(Healthy.Edge("bottom")))
            .Add("right", change: service => service.Calling(Healthy.Edge("bottom")))
            .Add("bottom");

        Assert.Empty(fleet.ServicesWith("dependency-cycle"));
    }

    [Fact]
    public void Dangling_dependency_fires_for_one_unknown_service_or_api()
    {
        var fleet = new TestFleet()
            .Add("one-ghost", change: service => service.Calling(Healthy.Edge("ghost"), Healthy.Edge("known")))
            .Add("two-ghosts", change: service => service.Calling(Healthy.Edge("ghost"), Healthy.Edge("api:nobody-provides")))
            .Add("known");

        Assert.Equal(["one-ghost", "two-ghosts"], fleet.ServicesWith("dangling-dependency"));
        Assert.Equal([new Evidence("danglingDependencies", "1")], fleet.Finding("one-ghost", "dangling-dependency").Evidence);
        Assert.Equal([new Evidence("danglingDependencies", "2")], fleet.Finding("two-ghosts", "dangling-dependency").Evidence);
    }

    [Fact]
    public void Dangling_dependency_ignores_services_and_apis_in_the_catalog()
    {
        var fleet = new TestFleet()
            .Add("caller", change: service => service.Calling(Healthy.Edge("known"), Healthy.Edge("api:payments")))
            .Add("known")
            .Add("provider", change: service => service.WithProfile(profile => profile with { ProvidesApis = ["payments"] }));

        Assert.Empty(fleet.ServicesWith("dangling-dependency"));
    }

    [Fact]
    public void Deprecated_dependency_fires_for_a_production_service_calling_a_deprecated_one()
    {
        var fleet = new TestFleet()
            .Add("checkout", change: service => service.Calling(Healthy.Edge("legacy-pricing"), Healthy.Edge("pricing")))
            .Add("legacy-pricing", change: Deprecated)
            .Add("pricing");

        Assert.Equal(["checkout"], fleet.ServicesWith("deprecated-dependency"));
        Assert.Equal([new Evidence("deprecatedDependencies", "1")], fleet.Finding("checkout", "deprecated-dependency").Evidence);
    }

    [Fact]
    public void Deprecated_dependency_ignores_production_targets_and_callers_not_in_production()
    {
        var fleet = new TestFleet()
            .Add("checkout", change: service => service.Calling(Healthy.Edge("pricing")))
            .Add("prototype", change: service => service.Calling(Healthy.Edge("legacy-pricing")).WithProfile(profile => profile with { Lifecycle = "experimental" }))
            .Add("legacy-pricing", change: service => Deprecated(service).Calling(Healthy.Edge("older-pricing")))
            .Add("older-pricing", change: Deprecated)
            .Add("pricing");

        Assert.Empty(fleet.ServicesWith("deprecated-dependency"));
    }

    [Fact]
    public void Large_blast_radius_fires_at_ten_services_failing_with_it_through_hard_calls_transitively()
    {
        var fleet = HardChain("core", length: 10);

        Assert.Equal(["core"], fleet.ServicesWith("large-blast-radius"));
        Assert.Equal([new Evidence("blastRadius.services", "10")], fleet.Finding("core", "large-blast-radius").Evidence);
    }

    [Fact]
    public void Large_blast_radius_ignores_nine_services_soft_callers_and_services_not_in_production()
    {
        var soft = new TestFleet().Add("core");
        for (var i = 0; i < 12; i++)
        {
            soft.Add($"cached-{i}", change: service => service.Calling(new Dependency("core") { ClientCache = true }));
        }

        Assert.Empty(HardChain("core", length: 9).ServicesWith("large-blast-radius"));
        Assert.Empty(soft.ServicesWith("large-blast-radius"));
        Assert.Empty(HardChain("core", length: 10, core => core.WithProfile(profile => profile with { Lifecycle = "experimental" })).ServicesWith("large-blast-radius"));
    }

    [Fact]
    public void Large_blast_radius_fires_at_three_products_and_not_at_two()
    {
        var fleet = new TestFleet()
            .Add("feature-enablement", change: service => Serving(service, "messaging"))
            .Add("sms", change: service => Serving(service, "messaging").Calling(new Dependency("feature-enablement")))
            .Add("voice", change: service => Serving(service, "voice").Calling(new Dependency("feature-enablement")))
            .Add("video", change: service => Serving(service, "video").Calling(new Dependency("feature-enablement")))
            .Add("recordings", change: service => Serving(service, "voice"))
            .Add("transcriptions", change: service => Serving(service, "voice").Calling(new Dependency("recordings")))
            .Add("calls", change: service => Serving(service, "messaging").Calling(new Dependency("recordings")));

        Assert.Equal(["feature-enablement"], fleet.ServicesWith("large-blast-radius"));
        Assert.Equal([new Evidence("blastRadius.products", "3")], fleet.Finding("feature-enablement", "large-blast-radius").Evidence);
    }

    private static ServiceState Deprecated(ServiceState service) => service.WithProfile(profile => profile with { Lifecycle = "deprecated" });

    private static ServiceState Serving(ServiceState service, params string[] products) => service.WithProfile(profile => profile with { Products = products });

    /// <summary><paramref name="coreId"/> and <paramref name="length"/> services each calling the one before it over a hard edge.</summary>
    private static TestFleet HardChain(string coreId, int length, Func<ServiceState, ServiceState>? core = null)
    {
        var fleet = new TestFleet().Add(coreId, change: core);
        var previous = coreId;
        for (var i = 0; i < length; i++)
        {
            var callee = previous;
            fleet.Add($"caller-{i}", change: service => service.Calling(new Dependency(callee) { TimeoutMs = 100 }));
            previous = $"caller-{i}";
        }

        return fleet;
    }
}
