using Governance.Domain.Catalog;

namespace Governance.Policies.Tests.Support;

/// <summary>One-line changes to a test service.</summary>
public static class ServiceChanges
{
    public static ServiceState WithFacts(this ServiceState service, Func<OperationalFacts, OperationalFacts> change) =>
        service with { Facts = change(service.Facts) };

    public static ServiceState WithProfile(this ServiceState service, Func<ServiceProfile, ServiceProfile> change) =>
        service with { Profile = change(service.Profile) };

    public static ServiceState Calling(this ServiceState service, params Dependency[] dependencies) =>
        service with { Dependencies = [.. dependencies.OrderBy(edge => edge.Target, StringComparer.Ordinal)] };

    public static ServiceState Storing(this ServiceState service, params DataStore[] stores) => service with { DataStores = stores };

    public static ServiceState Spanning(this ServiceState service, int hosts, int zones, int regions, int providers) =>
        service with { Footprint = new Footprint(hosts, zones, regions, providers) };
}
