using Governance.Domain.Catalog;

namespace Governance.Domain.Policies;

/// <summary>The fleet's services by id, and each API's first provider (by id): what <c>target.*</c> facts resolve against.</summary>
internal sealed class FleetIndex
{
    private readonly Dictionary<string, ServiceState> _services;
    private readonly Dictionary<string, ServiceState> _apiProviders = new(StringComparer.Ordinal);

    public FleetIndex(IReadOnlyList<ServiceState> services)
    {
        _services = new Dictionary<string, ServiceState>(services.Count, StringComparer.Ordinal);
        foreach (var service in services)
        {
            _services[service.Id] = service;
            foreach (var api in service.Profile.ProvidesApis)
            {
                var key = EntityRefs.ApiPrefix + api;
                if (!_apiProviders.TryGetValue(key, out var first) || string.CompareOrdinal(service.Id, first.Id) < 0)
                {
                    _apiProviders[key] = service;
                }
            }
        }
    }

    public ServiceState? Resolve(Dependency edge) =>
        (edge.IsApi ? _apiProviders : _services).TryGetValue(edge.Target, out var target) ? target : null;
}
