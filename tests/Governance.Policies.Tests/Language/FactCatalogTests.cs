using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Language;

public sealed class FactCatalogTests
{
    [Fact]
    public void The_catalog_holds_every_fact_of_the_spec_by_scope()
    {
        string Names(FactScope scope) => string.Join(" ", FactCatalog.All.Where(fact => fact.Scope == scope).Select(fact => fact.Name));

        Assert.Equal(
            "id name owner system lifecycle kind type tier tags products providesApis hasRunbook hasOnCall hasRepository exposure "
            + "footprint.hosts footprint.zones footprint.regions footprint.providers autoscaling.enabled autoscaling.reactionSeconds "
            + "autoscaling.minInstances autoscaling.maxInstances failover.mechanism failover.lastExercised manualDeploySteps manualRunbookSteps "
            + "environments performanceTestEnvironments learningModeLaunches perCustomerSlaAlerting tracingCoveragePercent lastChaosExperiment "
            + "lastGameDay lastDrTest lastResilienceExercise weakestDataStore tierTarget.mustSurvive tierTarget.rtoMinutes tierTarget.rpoMinutes",
            Names(FactScope.Service));
        Assert.Equal(
            "fanIn fanOut transitiveFanIn transitiveFanOut criticalFanIn criticalFanInTier0 blastRadius.services blastRadius.products "
            + "allowedRtoMinutes inCycle danglingDependencies deprecatedDependencies minInboundTimeoutMs",
            Names(FactScope.Graph));
        Assert.Equal("edge.target edge.criticalPath edge.synchronous edge.clientCache edge.gracefulDegradation edge.circuitBreaker edge.timeoutMs edge.retries edge.hard", Names(FactScope.Edge));
        Assert.Equal("target.exists target.tier target.lifecycle target.exposure", Names(FactScope.Target));
        Assert.Equal("store.name store.engine store.primitive store.unitOfFailure", Names(FactScope.Store));
    }

    [Fact]
    public void A_fact_has_a_type_a_collection_and_a_meaning()
    {
        var timeout = FactCatalog.Find("edge.timeoutMs")!;

        Assert.Equal((FactType.Number, FactScope.Edge, FactCollection.Dependencies, "none"), (timeout.Type, timeout.Scope, timeout.Collection, timeout.UnknownAs));
        Assert.Null(FactCatalog.Find("exposure")!.Collection);
        Assert.Null(FactCatalog.Find("Exposure"));
        Assert.All(FactCatalog.All, fact => Assert.False(string.IsNullOrWhiteSpace(fact.Meaning)));
    }

    [Fact]
    public void Close_matches_take_case_a_missing_prefix_and_typos_into_account()
    {
        Assert.Equal(["fanIn"], FactCatalog.Suggest("FANIN"));
        Assert.Equal(["store.engine"], FactCatalog.Suggest("engine"));
        Assert.Equal(["lastGameDay"], FactCatalog.Suggest("lastGamDay"));
        Assert.Empty(FactCatalog.Suggest("completely-different"));
    }

    [Fact]
    public void Every_fact_is_known_for_a_fully_described_service_and_readable_for_a_bare_one()
    {
        var rich = Healthy.Service("rich", tier: 0)
            .WithProfile(profile => profile with { System = "core", Type = "service", Tags = ["java"], ProvidesApis = ["rich-api"] })
            .Calling(new Dependency("dep") { TimeoutMs = 100, Retries = 2 });
        var fleet = new TestFleet()
            .Add(rich)
            .Add("dep", tier: 1)
            .Add("caller", tier: 0, service => service.Calling(new Dependency("rich") { TimeoutMs = 50 }))
            .Add(new ServiceState(new ServiceProfile("bare", "Bare")) { Dependencies = [new Dependency("ghost")] });

        foreach (var fact in FactCatalog.All)
        {
            var when = fact.Collection switch
            {
                FactCollection.Dependencies => $"some: dependencies\nwhere: {{ present: {fact.Name} }}",
                FactCollection.DataStores => $"some: dataStores\nwhere: {{ present: {fact.Name} }}",
                _ => $"present: {fact.Name}",
            };

            Assert.True(Judge.Flagged(when, fleet).Contains("rich"), $"{fact.Name} is unknown for a fully described service");
        }
    }

    [Fact]
    public void A_policy_built_in_code_is_checked_when_it_compiles()
    {
        var targets = ShippedPolicies.Set.Targets;
        PolicySet With(Condition when) => new([new Policy("coded", "Coded", PolicyCategory.Data, Severity.Low, "r", "f", PolicySelector.All, when)], targets, "hash");

        var unknown = Assert.Throws<InvalidPolicyException>(() => PolicyEngine.Compile(With(new PresenceCondition("fanin", true))));
        var misfit = Assert.Throws<InvalidPolicyException>(() => PolicyEngine.Compile(With(new FactCondition("owner", ComparisonOperator.AtLeast, Operand.Of(3)))));
        var wrongValue = Assert.Throws<InvalidPolicyException>(() => PolicyEngine.Compile(With(new FactCondition("tier", ComparisonOperator.Equal, Operand.Of("zero")))));
        var nested = Assert.Throws<InvalidPolicyException>(() => PolicyEngine.Compile(With(
            new QuantifierCondition(Quantifier.Some, FactCollection.Dependencies, new CountCondition(FactCollection.DataStores, null, ComparisonOperator.AtLeast, Operand.Of(1))))));

        Assert.Equal("policy 'coded': unknown fact 'fanin'; did you mean fanIn?", unknown.Message);
        Assert.Equal("policy 'coded': atLeast does not fit text fact 'owner'; use equals, notEquals, in, notIn", misfit.Message);
        Assert.Equal("policy 'coded': expected a number value, was the text 'zero'", wrongValue.Message);
        Assert.Equal("policy 'coded': a quantifier over dataStores cannot be nested inside the where of another", nested.Message);
    }
}
