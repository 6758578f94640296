using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

public sealed class ChangeSafetyPolicyTests
{
    [Fact]
    public void No_performance_test_before_production_fires_for_tests_that_run_only_outside_integration_and_staging()
    {
        var fleet = new TestFleet()
            .Add("in-production", tier: 0, service => PerformanceTestsIn(service, DeploymentEnvironment.Production))
            .Add("on-laptops", tier: 1, service => PerformanceTestsIn(service, DeploymentEnvironment.Development));

        Assert.Equal(["in-production", "on-laptops"], fleet.ServicesWith("no-performance-test-before-production"));
        Assert.Equal([new Evidence("performanceTestEnvironments", "[production]")], fleet.Finding("in-production", "no-performance-test-before-production").Evidence);
    }

    [Fact]
    public void No_performance_test_before_production_accepts_either_integration_or_staging_and_leaves_no_tests_to_untested_change_path()
    {
        var fleet = new TestFleet()
            .Add("integration-only", tier: 0, service => PerformanceTestsIn(service, DeploymentEnvironment.Integration, DeploymentEnvironment.Production))
            .Add("staging-only", tier: 1, service => PerformanceTestsIn(service, DeploymentEnvironment.Staging))
            .Add("no-tests", tier: 0, service => PerformanceTestsIn(service))
            .Add("tier2", tier: 2, service => PerformanceTestsIn(service, DeploymentEnvironment.Production));

        Assert.Empty(fleet.ServicesWith("no-performance-test-before-production"));
        Assert.Equal(["no-tests"], fleet.ServicesWith("untested-change-path"));
    }

    [Fact]
    public void No_learning_mode_launches_fires_for_a_tier0_component_that_does_not_or_may_not_launch_in_learning_mode()
    {
        var fleet = new TestFleet()
            .Add("straight-to-traffic", tier: 0, service => LearningMode(service, false))
            .Add("unknown", tier: 0, service => LearningMode(service, null));

        Assert.Equal(["straight-to-traffic", "unknown"], fleet.ServicesWith("no-learning-mode-launches"));
        Assert.Equal([new Evidence("learningModeLaunches", "false")], fleet.Finding("straight-to-traffic", "no-learning-mode-launches").Evidence);
        Assert.Equal([new Evidence("learningModeLaunches", "unknown")], fleet.Finding("unknown", "no-learning-mode-launches").Evidence);
    }

    [Fact]
    public void No_learning_mode_launches_ignores_learning_mode_lower_tiers_and_resources()
    {
        var fleet = new TestFleet()
            .Add("shadowed", tier: 0, service => LearningMode(service, true))
            .Add("tier1", tier: 1, service => LearningMode(service, false))
            .Add("database", tier: 0, service => LearningMode(service, false).WithProfile(profile => profile with { Kind = "resource" }));

        Assert.Empty(fleet.ServicesWith("no-learning-mode-launches"));
    }

    private static ServiceState PerformanceTestsIn(ServiceState service, params DeploymentEnvironment[] environments) =>
        service.WithFacts(facts => facts with { PerformanceTestEnvironments = environments });

    private static ServiceState LearningMode(ServiceState service, bool? launches) =>
        service.WithFacts(facts => facts with { LearningModeLaunches = launches });
}
