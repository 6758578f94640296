using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;
using Governance.Integrations.FleetFormat;
using Governance.Integrations.Generation;
using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

public sealed class FleetRoundTripTests : IDisposable
{
    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void A_generated_fleet_written_and_read_back_gives_the_same_states()
    {
        var fleet = FleetGenerator.Generate(600, seed: 11);

        var plan = WriteAndRead(fleet);

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors.Take(5)));
        Assert.Empty(plan.Warnings);
        Assert.Equal(fleet.Services.Select(DomainJson.Serialize), plan.Services.Select(service => DomainJson.Serialize(Accept(service.Command))));
        Assert.Equal(fleet.Teams.Concat(fleet.Systems).Select(DomainJson.Serialize), plan.Entities.Select(entity => DomainJson.Serialize(entity.Command.Entity)));
        Assert.All(plan.Services, service => Assert.Equal(DefinitionMode.Replace, service.Command.Mode));
    }

    [Fact]
    public void Strings_that_yaml_would_read_as_something_else_survive_the_round_trip()
    {
        var profile = new ServiceProfile("odd-strings", "null")
        {
            Kind = "component",
            Description = "line one\nline \"two\"\ttab: yes # not a comment\\",
            Owner = "user:jane.doe",
            Lifecycle = "true",
            Type = "123",
            Tier = 2,
            Products = ["2021-01-01", "a, b", "[x]", "~"],
            Tags = ["#hash", "- dash", "yes", "1e3"],
            ProvidesApis = ["odd-api"],
            DependencyOf = ["web", "resource:odd-cache", "ops/caller"],
            Repository = "https://git.example.com/a?b=c#frag",
            Runbook = string.Empty,
            OnCall = "@oncall",
            Annotations = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["example.com/key"] = "{json: true}", ["k2"] = "  padded  " },
        };
        var state = Accept(new DefineService(profile)
        {
            Footprint = new Footprint(4, 2, 2, 1),
            DataStores = [new DataStore("main db", "postgres", AvailabilityPrimitive.RegionReplicatedDatabase) { UnitOfFailureOverride = UnitOfFailure.Zone }],
            Facts = new OperationalFacts
            {
                Autoscaling = new Autoscaling(true) { ReactionSeconds = 0, MinInstances = 2, MaxInstances = 2 },
                Failover = new Failover(FailoverMechanism.None),
                Environments = [DeploymentEnvironment.Production],
                LearningModeLaunches = false,
                LastDrTest = new DateOnly(2020, 2, 29),
            },
            Dependencies =
            [
                new Dependency("api:odd-api") { CriticalPath = false, Synchronous = false, Retries = 3 },
                new Dependency("resource:odd-db"),
                new Dependency("ops/other") { TimeoutMs = 1 },
            ],
            RemediationItems =
            [
                new RemediationItem("X-1", "Fix: the thing")
                {
                    Status = RemediationStatus.Done,
                    Priority = Priority.Critical,
                    OpenedOn = new DateOnly(2021, 1, 1),
                    TargetQuarter = new Quarter(2021, 1),
                    CompletedAt = new DateTimeOffset(2021, 3, 20, 17, 0, 0, 123, TimeSpan.FromHours(2)),
                    CustomerFacing = "Zoë’s café — done",
                    CustomerRestricted = true,
                },
            ],
        });
        var fleet = new Fleet([new CatalogEntity(EntityKinds.Group, "team-x", "yes") { Description = "no" }], [], [state]);

        var plan = WriteAndRead(fleet);

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(DomainJson.Serialize(state), DomainJson.Serialize(Accept(Assert.Single(plan.Services).Command)));
        Assert.Equal(DomainJson.Serialize(fleet.Teams[0]), DomainJson.Serialize(Assert.Single(plan.Entities).Command.Entity));
    }

    [Fact]
    public void Twenty_thousand_generated_services_read_back_without_problems()
    {
        var fleet = FleetGenerator.Generate(20_000, seed: 5);

        var plan = WriteAndRead(fleet);

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors.Take(5)));
        Assert.Empty(plan.Warnings);
        Assert.Equal(20_000, plan.Services.Count);
        Assert.Equal(fleet.Services[^1].Id, plan.Services[^1].Command.Profile.Id);
    }

    private CatalogImportPlan WriteAndRead(Fleet fleet)
    {
        var path = Path.Combine(_catalog.Directory, "fleet.yaml");
        using (var writer = new StreamWriter(path))
        {
            FleetWriter.Write(fleet, writer);
        }

        return CatalogReader.Read([path], new ImportOptions());
    }

    private static ServiceState Accept(DefineService command) =>
        Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(command.Profile.Id, null, command, CommandContext.DefinitionCheck)).State;
}
