using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Graph;
using Governance.Domain.Policies;
using Governance.Domain.Serialization;
using Governance.Integrations.Generation;
using Governance.Integrations.Import;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Engine;

/// <summary>One service judged alone, from its graph facts and its edges' targets, as the whole fleet's evaluation judges it.</summary>
public sealed class ServiceEvaluationTests
{
    private static readonly DateTimeOffset At = new(2025, 7, 1, 9, 30, 0, TimeSpan.Zero);

    private static readonly PolicyEngine Engine = PolicyEngine.Compile(ShippedPolicies.Set);

    [Fact]
    public void Every_demo_service_alone_gets_the_profile_the_fleet_evaluation_gives_it()
    {
        var plan = CatalogReader.Read([Path.Combine(Repository.Root, "src", "Governance.Cli", "Demo", "demo-fleet.yaml")], new ImportOptions());
        Assert.False(plan.HasErrors);
        var services = plan.Services.Select(service => Accept(service.Command)).ToList();

        var fleet = AssertEachAloneMatchesTheFleet(services);

        Assert.Contains(fleet.Profiles, profile => profile.Traits.Any(trait => trait.PolicyId == "critical-path-hub"));
    }

    [Fact]
    public void Every_generated_service_alone_gets_the_profile_the_fleet_evaluation_gives_it_where_apis_have_several_providers()
    {
        var services = FleetGenerator.Generate(services: 800, seed: 11).Services.ToList();
        var apis = services.SelectMany(service => service.Profile.ProvidesApis).Distinct().Order(StringComparer.Ordinal).ToList();

        // Every sixth service provides one more API, so that an api: edge picks among several providers; one calls an API it provides.
        for (var i = 0; i < services.Count; i += 6)
        {
            services[i] = services[i].WithProfile(profile => profile with { ProvidesApis = [.. profile.ProvidesApis, apis[i % apis.Count]] });
        }

        var caller = services.FindIndex(service => service.Dependencies.Any(edge => edge.IsApi));
        var called = services[caller].Dependencies.First(edge => edge.IsApi).Target[4..];
        services[caller] = services[caller].WithProfile(profile => profile with { ProvidesApis = [.. profile.ProvidesApis, called] });

        var fleet = AssertEachAloneMatchesTheFleet(services);

        Assert.True(services.SelectMany(service => service.Profile.ProvidesApis).CountBy(api => api).Count(pair => pair.Value > 1) > 20);
        Assert.Contains(services, service => service.Dependencies.Any(edge => edge.IsApi && service.Profile.ProvidesApis.Contains(edge.Target[4..])));
        var traits = fleet.Profiles.SelectMany(profile => profile.Traits).CountBy(trait => trait.PolicyId).ToDictionary();
        Assert.True(traits["hard-dependency-on-lower-tier"] > 5 && traits["unguarded-critical-dependency"] > 5, string.Join(", ", traits));
    }

    [Fact]
    public void A_service_without_traits_gets_a_profile_without_traits()
    {
        var profile = Engine.EvaluateService(Healthy.Service("steady", tier: 0), TestFleet.Isolated, [], TestFleet.AuditTime);

        Assert.Equal(("steady", 0), (profile.ServiceId, profile.Traits.Count));
    }

    [Fact]
    public void An_api_edge_resolves_to_the_provider_with_the_smallest_id_given_and_never_to_a_target_with_the_callers_id()
    {
        var caller = Healthy.Service("checkout", tier: 0).Calling(new Dependency("api:flags") { TimeoutMs = 100 });
        var flagsA = Healthy.Service("flags-a", tier: 0).WithProfile(profile => profile with { ProvidesApis = ["flags"] });
        var flagsB = Healthy.Service("flags-b", tier: 2).WithProfile(profile => profile with { ProvidesApis = ["flags"] });

        Assert.Empty(Judge(caller, flagsB, flagsA));
        Assert.Equal(["hard-dependency-on-lower-tier"], Judge(caller, flagsB));
        Assert.Equal(["hard-dependency-on-lower-tier"], Judge(caller, flagsB.WithProfile(profile => profile with { Tier = 0 }), flagsA.WithProfile(profile => profile with { Tier = 3 })));

        // The caller provides the API too, and its id is the smallest: it calls itself, whatever stale copy of it is given.
        var selfProviding = Healthy.Service("a-checkout", tier: 0).Calling(new Dependency("api:flags") { TimeoutMs = 100 }).WithProfile(profile => profile with { ProvidesApis = ["flags"] });
        Assert.Empty(Judge(selfProviding, flagsB, selfProviding.WithProfile(profile => profile with { Tier = 3 })));

        // A state built outside the aggregate may call itself directly: that edge, too, resolves to the state judged.
        var selfCalling = Healthy.Service("loop", tier: 0).Calling(new Dependency("loop") { TimeoutMs = 100 });
        Assert.Empty(Judge(selfCalling, selfCalling.WithProfile(profile => profile with { Tier = 3 })));
    }

    private static IReadOnlyList<string> Judge(ServiceState service, params ServiceState[] targets) =>
        [.. Engine.EvaluateService(service, TestFleet.Isolated, targets, TestFleet.AuditTime).Traits.Select(trait => trait.PolicyId)];

    /// <summary>Judges the fleet, then each service alone with its fleet graph facts and the targets a search over the fleet finds.</summary>
    private static AuditResult AssertEachAloneMatchesTheFleet(IReadOnlyList<ServiceState> services)
    {
        var graph = FleetGraph.Compute(services, ShippedPolicies.Set.Targets);
        var fleet = Engine.Evaluate(new FleetSnapshot(services, []), graph, At);
        var profiles = fleet.Profiles.ToDictionary(profile => profile.ServiceId, StringComparer.Ordinal);
        Assert.NotEmpty(profiles);
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            var alone = Engine.EvaluateService(service, graph[i], Targets(service, services), At);
            var expected = profiles.GetValueOrDefault(service.Id) ?? new RiskProfile(service.Id, []);
            Assert.Equal(DomainJson.Serialize(expected), DomainJson.Serialize(alone));
        }

        return fleet;
    }

    /// <summary>What a store gives: the service with an edge's id, and an API's provider with the smallest id other than the caller.</summary>
    private static List<ServiceState> Targets(ServiceState service, IReadOnlyList<ServiceState> fleet) =>
    [
        .. service.Dependencies
            .Select(edge => edge.IsApi
                ? fleet.Where(other => other.Id != service.Id && other.Profile.ProvidesApis.Contains(edge.Target[4..])).MinBy(other => other.Id, StringComparer.Ordinal)
                : fleet.FirstOrDefault(other => other.Id == edge.Target && other.Id != service.Id))
            .OfType<ServiceState>()
            .DistinctBy(target => target.Id),
    ];

    private static ServiceState Accept(DefineService command) =>
        Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(command.Profile.Id, null, command, CommandContext.DefinitionCheck)).State;
}
