using Governance.Domain.Catalog;
using Governance.Domain.Commands;

namespace Governance.Integrations.Generation;

/// <summary>Draws one service and passes it through the domain's own rules, so that every generated state is one the domain accepts.</summary>
internal static class ServiceGenerator
{
    // Tiers 0..3, then unclassified: few tier 0, most tier 2 and 3.
    private static readonly double[] _tierWeights = [2, 10, 38, 45, 5];
    private static readonly double[] _typeWeights = [80, 10, 5, 5];
    private static readonly double[] _lifecycleWeights = [85, 10, 5];
    private static readonly double[] _retryWeights = [55, 25, 15, 5];

    public static ServiceState Create(int index, int[] targets, FleetShape shape, Random random)
    {
        var id = shape.Ids[index];
        var system = random.Pick(shape.Systems);
        var owner = random.Chance(0.8) && system.Owner is { } systemOwner ? systemOwner : random.Pick(shape.Teams).Id;
        var tier = Tier(index, shape, random);
        var profile = new ServiceProfile(id, GeneratorVocabulary.Title(id))
        {
            Type = GeneratorVocabulary.Types[random.Weighted(_typeWeights)],
            Description = random.MaybeText(0.5, () => $"The {GeneratorVocabulary.Title(id)} service"),
            Owner = owner,
            Tier = tier,
            Lifecycle = GeneratorVocabulary.Lifecycles[random.Weighted(_lifecycleWeights)],
            System = system.Id,
            Products = Some(GeneratorVocabulary.Products, tier is null or 3 ? random.Next(0, 2) : random.Next(1, 4), random),
            Tags = Some(GeneratorVocabulary.Tags, random.Next(0, 3), random),
            ProvidesApis = shape.Apis[index] is { } api ? [api] : [],
            Repository = random.MaybeText(0.9, () => $"https://git.example.com/{owner}/{id}"),
            Runbook = random.MaybeText(tier is 0 or 1 ? 0.85 : 0.5, () => $"https://runbooks.example.com/{id}"),
            OnCall = random.MaybeText(0.8, () => $"{owner}-primary"),
        };
        var command = new DefineService(profile)
        {
            Footprint = ServiceFactsGenerator.Footprint(tier, random),
            DataStores = ServiceFactsGenerator.DataStores(random),
            Facts = ServiceFactsGenerator.Facts(tier, random),
            Dependencies = [.. targets.Select(target => Edge(target, shape, random))],
            RemediationItems = RemediationGenerator.Items(index, owner, random),
        };
        return ServiceAggregate.Decide(id, null, command, CommandContext.DefinitionCheck) is CommandOutcome<ServiceState>.Accepted accepted
            ? accepted.State
            : throw new InvalidOperationException($"the generator drew an invalid service {id}");
    }

    private static int? Tier(int index, FleetShape shape, Random random)
    {
        if (index < shape.HubCount)
        {
            return 0;
        }

        if (index < shape.Ids.Length / 50)
        {
            return random.Next(0, 2);
        }

        var tier = random.Weighted(_tierWeights);
        return tier <= ServiceProfile.LeastCriticalTier ? tier : null;
    }

    private static Dependency Edge(int target, FleetShape shape, Random random)
    {
        var viaApi = shape.Apis[target] is { } api && random.Chance(0.3) ? EntityRefs.ApiPrefix + api : null;
        var critical = random.Chance(0.7);
        return new Dependency(viaApi ?? shape.Ids[target])
        {
            CriticalPath = critical,
            Synchronous = random.Chance(critical ? 0.95 : 0.6),
            TimeoutMs = random.Chance(0.65) ? random.Pick(GeneratorVocabulary.TimeoutsMs) : null,
            ClientCache = random.Chance(0.2),
            GracefulDegradation = random.Chance(0.25),
            Retries = random.Weighted(_retryWeights),
            CircuitBreaker = random.Chance(0.3),
        };
    }

    private static string[] Some(string[] words, int count, Random random)
    {
        if (count == 0)
        {
            return [];
        }

        var picked = new List<string>(count);
        while (picked.Count < count)
        {
            var word = random.Pick(words);
            if (!picked.Contains(word))
            {
                picked.Add(word);
            }
        }

        return [.. picked];
    }
}
