using Governance.Domain.Catalog;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;
using Governance.Integrations.Generation;

namespace Governance.Integrations.Tests;

public sealed class FleetGeneratorTests
{
    private const int Size = 3000;

    private static readonly Lazy<Integrations.FleetFormat.Fleet> _fleet = new(() => FleetGenerator.Generate(Size, seed: 42));

    private static IReadOnlyList<ServiceState> Services => _fleet.Value.Services;

    [Fact]
    public void Every_generated_state_and_entity_reads_back_the_same_through_the_fleet_read()
    {
        foreach (var service in Services)
        {
            var json = DomainJson.Serialize(service);
            Assert.Equal(json, DomainJson.Serialize(DomainJson.ReadServiceState(System.Text.Encoding.UTF8.GetBytes(json))));
        }

        foreach (var entity in _fleet.Value.Teams.Concat(_fleet.Value.Systems))
        {
            var json = DomainJson.Serialize(entity);
            Assert.Equal(json, DomainJson.Serialize(DomainJson.ReadCatalogEntity(System.Text.Encoding.UTF8.GetBytes(json))));
        }
    }

    [Fact]
    public void Services_have_about_four_dependencies_on_average()
    {
        var mean = Services.Average(service => service.Dependencies.Count);

        Assert.InRange(mean, 3.0, 5.0);
    }

    [Fact]
    public void Fan_in_is_heavy_tailed_with_hubs_far_above_the_mean()
    {
        var fanIn = FanIn();
        var mean = fanIn.Values.Average();
        var sorted = fanIn.Values.OrderDescending().ToList();

        Assert.True(sorted[0] > 20 * mean, $"max fan-in {sorted[0]}, mean {mean:F1}");
        Assert.True(sorted[4] > 10 * mean, $"fifth fan-in {sorted[4]}, mean {mean:F1}");
        Assert.True(sorted[Size / 2] <= 2, $"median fan-in {sorted[Size / 2]}: most services have few callers");
        Assert.Contains("feature-enablement", fanIn.OrderByDescending(pair => pair.Value).Take(12).Select(pair => pair.Key));
    }

    [Fact]
    public void Teams_and_systems_scale_with_the_fleet()
    {
        Assert.Equal(Size / 15, _fleet.Value.Teams.Count);
        Assert.Equal(Size / 40, _fleet.Value.Systems.Count);
        Assert.All(_fleet.Value.Teams, team => Assert.Equal(EntityKinds.Group, team.Kind));
        Assert.All(_fleet.Value.Systems, system => Assert.Equal(EntityKinds.System, system.Kind));
    }

    [Fact]
    public void Tiers_are_skewed_towards_the_less_critical()
    {
        var byTier = Services.GroupBy(service => service.Profile.Tier).ToDictionary(group => group.Key ?? -1, group => group.Count());

        Assert.True(byTier[0] < byTier[1] && byTier[1] < byTier[2] && byTier[2] < byTier[3], string.Join(", ", byTier));
        Assert.True(byTier[2] + byTier[3] > Size * 0.7);
        Assert.True(byTier.GetValueOrDefault(-1) > 0, "some services are not yet classified");
    }

    [Fact]
    public void Facts_are_sometimes_missing_and_sometimes_stale()
    {
        Assert.Contains(Services, service => service.Facts == OperationalFacts.Unknown);
        Assert.Contains(Services, service => service.Footprint is null);
        Assert.Contains(Services, service => service.Facts.LastDrTest is { } test && test < new DateOnly(2023, 1, 1));
        Assert.Contains(Services, service => service.Facts.LastDrTest is { } test && test > new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void Dependency_attributes_are_mixed()
    {
        var edges = Services.SelectMany(service => service.Dependencies).ToList();

        Assert.Contains(edges, edge => edge.TimeoutMs is null);
        Assert.Contains(edges, edge => edge.TimeoutMs is not null);
        Assert.Contains(edges, edge => edge.ClientCache);
        Assert.Contains(edges, edge => edge.GracefulDegradation);
        Assert.Contains(edges, edge => !edge.CriticalPath);
        Assert.Contains(edges, edge => edge.IsApi);
        Assert.Contains(edges, edge => edge == new Dependency(edge.Target));
    }

    [Fact]
    public void A_few_services_carry_remediation_items()
    {
        var items = Services.SelectMany(service => service.RemediationItems).ToList();

        Assert.InRange(Services.Count(service => service.RemediationItems.Count > 0), 1, Size / 10);
        Assert.Contains(items, item => item.Status == RemediationStatus.Done);
        Assert.All(items.Where(item => item.Status == RemediationStatus.Done), item => Assert.NotNull(item.CompletedAt));
    }

    [Fact]
    public void Every_generated_id_is_valid_and_unique()
    {
        Assert.All(Services, service => Assert.True(EntityRefs.IsValidId(service.Id), service.Id));
        Assert.Equal(Size, Services.Select(service => service.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_fleet_and_another_seed_another()
    {
        var first = Json(FleetGenerator.Generate(400, seed: 3));

        Assert.Equal(first, Json(FleetGenerator.Generate(400, seed: 3)));
        Assert.NotEqual(first, Json(FleetGenerator.Generate(400, seed: 4)));
    }

    /// <summary>Callers per service, counting an edge to <c>api:X</c> as an edge to the service that provides X.</summary>
    private static Dictionary<string, int> FanIn()
    {
        var providers = Services.SelectMany(service => service.Profile.ProvidesApis.Select(api => (Api: EntityRefs.ApiPrefix + api, service.Id))).ToDictionary(pair => pair.Api, pair => pair.Id);
        var fanIn = Services.ToDictionary(service => service.Id, _ => 0);
        foreach (var edge in Services.SelectMany(service => service.Dependencies))
        {
            fanIn[providers.GetValueOrDefault(edge.Target, edge.Target)]++;
        }

        return fanIn;
    }

    private static string Json(Integrations.FleetFormat.Fleet fleet) =>
        DomainJson.Serialize(fleet.Services) + DomainJson.Serialize(fleet.Teams) + DomainJson.Serialize(fleet.Systems);
}
