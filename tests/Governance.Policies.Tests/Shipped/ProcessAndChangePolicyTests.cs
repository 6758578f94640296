using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Shipped;

public sealed class ProcessAndChangePolicyTests
{
    [Theory]
    [InlineData(0, 91, true)]
    [InlineData(0, 90, false)]
    [InlineData(1, 120, true)]
    [InlineData(2, 120, false)]
    [InlineData(2, 181, true)]
    [InlineData(3, 1000, false)]
    public void No_resilience_exercise_allows_90_days_for_tiers_0_and_1_and_180_for_tier_2(int tier, int daysAgo, bool fires)
    {
        var day = TestFleet.AuditDay.AddDays(-daysAgo);
        var fleet = new TestFleet().Add("svc", tier, service => service.WithFacts(facts => facts with { LastChaosExperiment = day, LastGameDay = null }));

        Assert.Equal(fires ? ["svc"] : [], fleet.ServicesWith("no-resilience-exercise"));
    }

    [Fact]
    public void No_resilience_exercise_fires_for_a_service_never_exercised()
    {
        var fleet = new TestFleet().Add("never", tier: 1, service => service.WithFacts(facts => facts with { LastChaosExperiment = null, LastGameDay = null }));

        Assert.Equal([new Evidence("lastResilienceExercise", "unknown")], fleet.Finding("never", "no-resilience-exercise").Evidence);
    }

    [Fact]
    public void Untested_change_path_fires_for_manual_steps_a_missing_staging_or_no_performance_tests()
    {
        var fleet = new TestFleet()
            .Add("manual", tier: 0, service => service.WithFacts(facts => facts with { ManualDeploySteps = 2 }))
            .Add("no-staging", tier: 1, service => service.WithFacts(facts => facts with { Environments = [DeploymentEnvironment.Development, DeploymentEnvironment.Production] }))
            .Add("no-perf-tests", tier: 1, service => service.WithFacts(facts => facts with { PerformanceTestEnvironments = [] }))
            .Add("healthy", tier: 0)
            .Add("tier2-manual", tier: 2, service => service.WithFacts(facts => facts with { ManualDeploySteps = 4 }));

        Assert.Equal(["manual", "no-perf-tests", "no-staging"], fleet.ServicesWith("untested-change-path"));
        Assert.Equal([new Evidence("manualDeploySteps", "2")], fleet.Finding("manual", "untested-change-path").Evidence);
        Assert.Equal([new Evidence("environments", "[development, production]")], fleet.Finding("no-staging", "untested-change-path").Evidence);
    }
}
