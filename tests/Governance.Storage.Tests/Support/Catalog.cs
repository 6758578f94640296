using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;

namespace Governance.Storage.Tests.Support;

/// <summary>Builds the definitions the tests write.</summary>
public static class Catalog
{
    public static DefineService Service(string id, string? owner = "team-payments", int? tier = 1, int dependencies = 2) =>
        new(new ServiceProfile(id, $"Service {id}")
        {
            Owner = owner,
            Tier = tier,
            Lifecycle = "production",
            System = "billing",
            Products = ["messaging"],
            Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["example.com/runbook-id"] = $"rb-{id}" },
        })
        {
            Footprint = new Footprint(Hosts: 6, Zones: 3, Regions: 1, Providers: 1),
            DataStores = [new DataStore("main", "postgresql", AvailabilityPrimitive.ZoneReplicatedDatabase)],
            Facts = new OperationalFacts { ManualDeploySteps = 0, TracingCoveragePercent = 80 },
            Dependencies = [.. Enumerable.Range(1, dependencies).Select(n => new Dependency($"{id}-dep-{n}") { TimeoutMs = 250 * n, Retries = 1 })],
        };

    /// <summary>A definition every rule refuses: more zones than hosts.</summary>
    public static DefineService Invalid(string id) => Service(id) with { Footprint = new Footprint(Hosts: 1, Zones: 2, Regions: 1, Providers: 1) };

    public static DefineEntity Group(string id, string? parent = null) =>
        new(new CatalogEntity(EntityKinds.Group, id, $"Team {id}") { Type = "team", Parent = parent, Email = $"{id}@example.com" });

    public static OpenRemediationItem Item(string id) =>
        new(new RemediationItem(id, $"Fix {id}") { Priority = Priority.High, OpenedOn = new DateOnly(2025, 4, 1), TargetQuarter = new Quarter(2025, 3) });
}
