using Governance.Domain.Catalog;
using Governance.Integrations.FleetFormat;

namespace Governance.Integrations.Generation;

/// <summary>
/// Generates a synthetic fleet with the shape of real ones: about four dependencies per service with power-law fan-in and a few
/// hubs, about one team per 15 services and one system per 40, tiers skewed towards 2 and 3, and facts that are sometimes
/// stale or missing. The same seed always gives the same fleet.
/// </summary>
public static class FleetGenerator
{
    /// <summary>The day the generated facts are dated from: audit a generated fleet as of it, and its traits reproduce.</summary>
    public static DateOnly AsOf => RandomExtensions.AsOf;

    public static Fleet Generate(int services, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(services);
        var random = new Random(seed);
        var teams = GeneratedOrganisation.Teams(Math.Max(1, services / 15), random);
        var systems = GeneratedOrganisation.Systems(Math.Max(1, services / 40), teams, random);
        var ids = ServiceIds(services, random);
        var hubCount = Math.Min(GeneratorVocabulary.Hubs.Length, services);
        var apis = ProvidedApis(ids, hubCount, random);
        var graph = DependencyGraphBuilder.Build(services, hubCount, random);
        var shape = new FleetShape(ids, apis, teams, systems, hubCount);
        var states = new ServiceState[services];
        for (var i = 0; i < services; i++)
        {
            states[i] = ServiceGenerator.Create(i, graph[i], shape, random);
        }

        return new Fleet(teams, systems, states);
    }

    private static string[] ServiceIds(int count, Random random)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = i < GeneratorVocabulary.Hubs.Length
                ? GeneratorVocabulary.Hubs[i]
                : $"{random.Pick(GeneratorVocabulary.Domains)}-{random.Pick(GeneratorVocabulary.Nouns)}-{i}";
        }

        return ids;
    }

    /// <summary>The API each service provides, if any: every hub, and some others.</summary>
    private static string?[] ProvidedApis(string[] ids, int hubCount, Random random)
    {
        var apis = new string?[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            apis[i] = i < hubCount || random.Chance(0.12) ? $"{ids[i]}-api" : null;
        }

        return apis;
    }
}

/// <summary>What every generated service draws its references from.</summary>
internal sealed record FleetShape(string[] Ids, string?[] Apis, IReadOnlyList<CatalogEntity> Teams, IReadOnlyList<CatalogEntity> Systems, int HubCount);
