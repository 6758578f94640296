using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using static Governance.Domain.Tests.Graph.GraphSamples;

namespace Governance.Domain.Tests.Graph;

public sealed class FleetGraphEdgeTests
{
    [Fact]
    public void An_api_edge_goes_to_every_provider_and_never_to_the_caller_itself()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("flags-a") with { ProvidesApis = ["flags"] }) { Dependencies = [new Dependency("api:flags")] },
            new ServiceState(Samples.Profile("flags-b") with { ProvidesApis = ["flags", "flags"] }),
            Calls("sms", "api:flags"));

        Assert.Equal(2, facts["sms"].FanOut);
        Assert.Equal(1, facts["flags-a"].FanIn);
        Assert.Equal(2, facts["flags-b"].FanIn);
        Assert.Equal(1, facts["flags-a"].FanOut);
        Assert.Equal(2, facts["flags-b"].BlastRadiusServices);
        Assert.False(facts["flags-a"].InCycle);
        Assert.Equal(0, facts["flags-a"].DanglingDependencies);
    }

    [Fact]
    public void A_direct_and_an_api_edge_to_one_service_are_one_caller_that_fails_if_either_edge_is_hard()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("flags") with { ProvidesApis = ["flags"] }),
            Samples.Service("sms", new Dependency("flags") { ClientCache = true }, new Dependency("api:flags")));

        Assert.Equal(1, facts["flags"].FanIn);
        Assert.Equal(1, facts["flags"].CriticalFanIn);
        Assert.Equal(1, facts["flags"].BlastRadiusServices);
    }

    [Fact]
    public void A_reverse_dependency_is_a_hard_edge_unless_the_caller_already_has_its_own()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("flags") with { DependencyOf = ["web", "mobile", "ghost"] }),
            Calls("web"),
            Samples.Service("mobile", new Dependency("flags") { GracefulDegradation = true, TimeoutMs = 300 }));

        Assert.Equal(2, facts["flags"].FanIn);
        Assert.Equal(2, facts["flags"].CriticalFanIn);
        Assert.Equal(1, facts["flags"].BlastRadiusServices);
        Assert.Equal(1, facts["web"].FanOut);
        Assert.Equal(300, facts["flags"].MinInboundTimeoutMs);
        Assert.Equal(0, facts["flags"].DanglingDependencies);
    }

    [Fact]
    public void A_reverse_dependency_yields_to_an_api_edge_the_caller_writes()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("flags") with { ProvidesApis = ["flags"], DependencyOf = ["web"] }),
            Samples.Service("web", new Dependency("api:flags") { Synchronous = false }));

        Assert.Equal(1, facts["flags"].FanIn);
        Assert.Equal(0, facts["flags"].CriticalFanIn);
        Assert.Equal(0, facts["flags"].BlastRadiusServices);
    }

    [Fact]
    public void Dangling_dependencies_are_own_edges_to_missing_services_or_unprovided_apis()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("billing") with { ProvidesApis = ["invoices"] }),
            Calls("console", "billing", "api:invoices", "api:missing", "fax"));

        Assert.Equal(2, facts["console"].DanglingDependencies);
        Assert.Equal(1, facts["console"].FanOut);
        Assert.Equal(0, facts["billing"].DanglingDependencies);
    }

    [Fact]
    public void Deprecated_dependencies_are_own_edges_that_reach_a_deprecated_service()
    {
        var facts = FactsOf(
            new ServiceState(Samples.Profile("old") with { Lifecycle = "deprecated" }),
            new ServiceState(Samples.Profile("old-flags") with { Lifecycle = "deprecated", ProvidesApis = ["flags"] }),
            new ServiceState(Samples.Profile("new-flags") with { ProvidesApis = ["flags"] }),
            new ServiceState(Samples.Profile("current")),
            Calls("web", "old", "api:flags", "current", "gone"),
            new ServiceState(Samples.Profile("mobile")) { Dependencies = [new Dependency("current")] });

        Assert.Equal(2, facts["web"].DeprecatedDependencies);
        Assert.Equal(0, facts["mobile"].DeprecatedDependencies);
    }

    [Fact]
    public void Min_inbound_timeout_is_the_smallest_any_caller_sets_and_unknown_when_none_does()
    {
        var facts = FactsOf(
            Calls("db"),
            Calls("cache"),
            Samples.Service("web", new Dependency("db") { TimeoutMs = 500 }, new Dependency("cache")),
            Samples.Service("api", new Dependency("db") { TimeoutMs = 200 }),
            Samples.Service("batch", new Dependency("db")));

        Assert.Equal(200, facts["db"].MinInboundTimeoutMs);
        Assert.Null(facts["cache"].MinInboundTimeoutMs);
        Assert.Null(facts["web"].MinInboundTimeoutMs);
    }

    [Fact]
    public void An_empty_fleet_has_no_facts()
    {
        Assert.Empty(FleetGraph.Compute([], Targets));
    }

    [Fact]
    public void A_snapshot_with_one_id_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => FleetGraph.Compute([Calls("a"), Calls("a")], Targets));

        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }
}
