using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using static Governance.Domain.Tests.Graph.GraphSamples;

namespace Governance.Domain.Tests.Graph;

public sealed class FleetGraphCrossCheckTests
{
    [Fact]
    public void Facts_match_a_search_per_service_on_random_small_fleets()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            AssertMatchesNaive(RandomFleet(random, random.Next(1, 60), productCount: 6, maxProducts: 2, maxEdges: 4), seed);
        }
    }

    [Fact]
    public void Facts_match_a_search_per_service_when_services_and_products_span_several_passes()
    {
        for (var seed = 1000; seed < 1002; seed++)
        {
            var random = new Random(seed);
            var services = RandomFleet(random, 1500 + random.Next(200), productCount: 100_000, maxProducts: 3, maxEdges: 2);

            // A pass follows 1024 bits, a bit per product or per component: these fleets need several for both, and have cycles.
            var facts = AssertMatchesNaive(services, seed);
            Assert.True(services.SelectMany(service => service.Profile.Products).Distinct().Count() > 1024);
            Assert.True(facts.Count(fact => !fact.InCycle) > 1024, $"{facts.Count(fact => !fact.InCycle)} outside cycles");
            Assert.True(facts.Count(fact => fact.InCycle) > 10, $"{facts.Count(fact => fact.InCycle)} in cycles");
        }
    }

    [Fact]
    public void A_deep_chain_closing_in_a_cycle_does_not_overflow_and_counts_exactly()
    {
        const int Length = 50_000;
        var services = Enumerable.Range(0, Length).Select(i => Calls($"s{i}", $"s{(i + 1) % Length}")).ToList();
        services.Add(Calls("head", "s0"));

        var facts = FleetGraph.Compute(services, Targets);

        Assert.All(facts.Take(Length), fact => Assert.Equal((Length - 1, Length, true), (fact.TransitiveFanOut, fact.TransitiveFanIn, fact.InCycle)));
        Assert.Equal((Length, 0, false), (facts[Length].TransitiveFanOut, facts[Length].TransitiveFanIn, facts[Length].InCycle));
    }

    private static IReadOnlyList<GraphFacts> AssertMatchesNaive(IReadOnlyList<ServiceState> services, int seed)
    {
        var expected = NaiveGraphFacts.Compute(services, Targets);
        var actual = FleetGraph.Compute(services, Targets);
        Assert.Equal(services.Count, actual.Count);
        for (var i = 0; i < services.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"seed {seed}, service {services[i].Id}:\n expected {expected[i]}\n actual   {actual[i]}");
        }

        return actual;
    }

    /// <summary>Services with cycles, API edges, reverse dependencies, self-references, dangling targets and mixed attributes.</summary>
    private static List<ServiceState> RandomFleet(Random random, int count, int productCount, int maxProducts, int maxEdges)
    {
        string[] lifecycles = ["production", "experimental", "deprecated"];
        var apis = Math.Max(1, count / 4);
        return [.. Enumerable.Range(0, count).Select(i => new ServiceState(new ServiceProfile($"s{i}", $"S{i}")
        {
            Tier = random.Next(5) is var tier && tier < 4 ? tier : null,
            Lifecycle = lifecycles[random.Next(lifecycles.Length)],
            Products = [.. Enumerable.Range(0, random.Next(maxProducts + 1)).Select(_ => $"p{random.Next(productCount)}").Distinct()],
            ProvidesApis = random.Next(5) == 0 ? [$"a{random.Next(apis)}"] : [],
            DependencyOf = random.Next(8) == 0 ? [$"s{random.Next(count + 2)}"] : [],
        })
        {
            Dependencies = [.. Enumerable.Range(0, random.Next(maxEdges + 1)).Select(_ => RandomTarget(random, count, apis)).Distinct().Select(target => RandomEdge(random, target))],
        })];
    }

    // Past the last service or API lies a dangling target; a service can draw its own id or API.
    private static string RandomTarget(Random random, int count, int apis) =>
        random.Next(6) == 0 ? $"api:a{random.Next(apis + 1)}" : $"s{random.Next(count + 1)}";

    private static Dependency RandomEdge(Random random, string target) => new(target)
    {
        Synchronous = random.Next(5) > 0,
        CriticalPath = random.Next(4) > 0,
        GracefulDegradation = random.Next(5) == 0,
        ClientCache = random.Next(6) == 0,
        TimeoutMs = random.Next(2) == 0 ? random.Next(1, 1000) : null,
    };
}
