using Governance.Domain.Catalog;
using Governance.Domain.Graph;

namespace Governance.Domain.Tests;

public sealed class CatalogGraphTests
{
    [Fact]
    public void Dangling_owners_systems_dependencies_and_apis_are_listed()
    {
        var provider = new ServiceState(Samples.Profile("billing") with { ProvidesApis = ["invoices"] });
        var caller = new ServiceState(Samples.Profile("console", owner: "ghost-team") with { System = "web" })
        {
            Dependencies = [new Dependency("billing"), new Dependency("api:invoices"), new Dependency("api:missing"), new Dependency("fax")],
        };
        var entities = new[] { new CatalogEntity(EntityKinds.Group, "team-a", "Team A") };

        var dangling = CatalogReferences.Dangling([provider, caller], entities);

        Assert.Equal(
            ["service:console dependency api:missing", "service:console dependency fax", "service:console owner ghost-team", "service:console system web"],
            dangling.Select(reference => $"{reference.Subject} {reference.Field} {reference.Target}").Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_reverse_dependency_is_an_edge_once_its_caller_exists_and_dangling_until_then()
    {
        var callee = new ServiceState(Samples.Profile("flags") with { DependencyOf = ["web", "mobile"] });
        var web = Samples.Service("web");

        var callers = CallerIndex.Build([callee, web]);
        var dangling = CatalogReferences.Dangling([callee, web], [new CatalogEntity(EntityKinds.Group, "team-a", "A")]);

        Assert.Equal(["web"], callers.CallsTo("flags").Select(call => call.Caller.Id).ToList());
        Assert.Equal(["flags"], callers.CallsFrom("web").Select(call => call.Callee.Id).ToList());
        Assert.Equal(["service:flags dependencyOf mobile"], dangling.Select(reference => $"{reference.Subject} {reference.Field} {reference.Target}").ToList());
    }

    [Fact]
    public void Critical_callers_resolve_apis_to_their_providers()
    {
        var hub = new ServiceState(Samples.Profile("flags") with { ProvidesApis = ["feature-flags"] });
        var services = new[]
        {
            hub,
            Samples.Service("sms", new Dependency("api:feature-flags")),
            Samples.Service("voice", new Dependency("flags")),
            Samples.Service("batch", new Dependency("flags") { Synchronous = false }),
            Samples.Service("web", new Dependency("flags") { CriticalPath = false }),
        };

        var callers = CallerIndex.Build(services);

        Assert.Equal(4, callers.CallsTo("flags").Count);
        Assert.Equal(["sms", "voice"], callers.CriticalCallsTo("flags").Select(call => call.Caller.Id).Order(StringComparer.Ordinal).ToList());
    }
}
