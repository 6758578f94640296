using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Graph;
using Governance.Integrations.Import;

namespace Governance.Integrations.Tests;

public sealed class DependencyOfTests : IDisposable
{
    private const string OrdersDb = """
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata:
          name: orders-db
        spec:
          type: database
          owner: team-a
          dependencyOf: [component:orders, billing, shipping, api:prices, orders]
        """;

    private const string Callers = """
        apiVersion: governance/v1
        kind: Fleet
        teams: [{ id: team-a }]
        services:
          - { id: billing, name: Billing, dependencies: [accounts] }
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: { name: orders }
        spec: { type: service, lifecycle: production, owner: team-a }
        """;

    private readonly TempCatalog _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Backstage_dependencyOf_is_kept_on_the_declaring_service_and_the_named_services_are_left_alone()
    {
        var database = _catalog.Write("a-db.yaml", OrdersDb);
        _catalog.Write("b-callers.yaml", Callers);

        var plan = Read(_catalog.Directory);

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(["orders", "billing", "shipping"], Command(plan, "resource:orders-db").Profile.DependencyOf);
        Assert.Null(Command(plan, "orders").Dependencies);
        Assert.Equal(["accounts"], Command(plan, "billing").Dependencies!.Select(edge => edge.Target));
        Assert.Equal(
        [
            $"{database}:8:45: spec.dependencyOf[2]: service 'shipping' is not defined in the imported files; the reference is kept and resolves once it is imported",
            $"{database}:8:55: spec.dependencyOf[3]: dependencyOf names components and resources, not a api; 'api:prices' ignored",
            $"{database}:8:67: spec.dependencyOf[4]: 'orders' is listed more than once; kept once",
        ], plan.Warnings.Where(warning => warning.Location.File == database).Select(warning => warning.ToString()));
    }

    [Fact]
    public void The_graph_turns_dependencyOf_into_an_edge_from_each_named_service_with_default_attributes()
    {
        _catalog.Write("a-db.yaml", OrdersDb);
        _catalog.Write("b-callers.yaml", Callers);

        var states = Accept(Read(_catalog.Directory));
        var calls = CallerIndex.Build(states).CallsTo("resource:orders-db");

        Assert.Equal(["billing", "orders"], calls.Select(call => call.Caller.Id).Order(StringComparer.Ordinal));
        Assert.All(calls, call => Assert.Equal(new Dependency("resource:orders-db"), call.Edge));
    }

    [Fact]
    public void A_dependencyOf_target_imported_later_resolves_when_it_arrives()
    {
        var database = _catalog.Write("first/orders-db.yaml", OrdersDb);
        var callers = _catalog.Write("second/callers.yaml", Callers);

        var first = Accept(Read(database));
        var both = Accept(Read(database), Read(callers));

        Assert.Equal(
        [
            "service:resource:orders-db dependencyOf orders",
            "service:resource:orders-db dependencyOf billing",
            "service:resource:orders-db dependencyOf shipping",
        ], Dangling(first));
        Assert.Empty(CallerIndex.Build(first).CallsTo("resource:orders-db"));
        Assert.Equal(["service:billing dependency accounts", "service:resource:orders-db dependencyOf shipping"], Dangling(both));
        Assert.Equal(["billing", "orders"], CallerIndex.Build(both).CallsTo("resource:orders-db").Select(call => call.Caller.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_fleet_format_reads_dependencyOf_as_short_service_ids()
    {
        var file = _catalog.Write("fleet.yaml", """
            apiVersion: governance/v1
            kind: Fleet
            services:
              - id: flags
                name: Flags
                dependencyOf: [Component:Web, resource:cache-db, ops/mobile]
            """);

        var plan = Read(file);

        Assert.False(plan.HasErrors, string.Join('\n', plan.Errors));
        Assert.Equal(["web", "resource:cache-db", "ops/mobile"], Command(plan, "flags").Profile.DependencyOf);
        Assert.Equal(
            [("services[0].dependencyOf[0]", ProblemKind.Reference), ("services[0].dependencyOf[1]", ProblemKind.Reference), ("services[0].dependencyOf[2]", ProblemKind.Reference)],
            plan.Warnings.Select(warning => (warning.Field, warning.Kind)));
    }

    [Fact]
    public void The_fleet_format_refuses_a_dependencyOf_that_is_not_another_service_at_the_item_as_written()
    {
        var file = _catalog.Write("fleet.yaml", """
            apiVersion: governance/v1
            kind: Fleet
            services:
              - id: cart
                name: Cart
                dependencyOf: [web, "api:prices", web, cart]
            """);

        Assert.Equal(
        [
            $"{file}:6:25: services[0].dependencyOf[1]: must be a service id (NAME, NAMESPACE/NAME or resource:NAME), was 'api:prices'",
            $"{file}:6:39: services[0].dependencyOf[2]: 'web' is listed more than once",
            $"{file}:6:44: services[0].dependencyOf[3]: 'cart' is not another service's id",
        ], Read(file).Errors.Select(error => error.ToString()));
    }

    private static CatalogImportPlan Read(string path) => CatalogReader.Read([path], new ImportOptions());

    private static DefineService Command(CatalogImportPlan plan, string id) =>
        Assert.Single(plan.Services, service => service.Command.Profile.Id == id).Command;

    /// <summary>The service references the catalog cannot resolve; owners are left out (no groups here).</summary>
    private static IEnumerable<string> Dangling(List<ServiceState> states) =>
        CatalogReferences.Dangling(states, []).Where(reference => reference.Field != "owner").Select(reference => $"{reference.Subject} {reference.Field} {reference.Target}");

    /// <summary>The states the plans' services would have in a store they are imported into one after the other.</summary>
    private static List<ServiceState> Accept(params CatalogImportPlan[] plans)
    {
        var states = new Dictionary<string, ServiceState>(StringComparer.Ordinal);
        foreach (var service in plans.SelectMany(plan => plan.Services))
        {
            var outcome = ServiceAggregate.Decide(service.Command.Profile.Id, states.GetValueOrDefault(service.Command.Profile.Id), service.Command, CommandContext.DefinitionCheck);
            states[service.Command.Profile.Id] = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(outcome).State;
        }

        return [.. states.Values];
    }
}
