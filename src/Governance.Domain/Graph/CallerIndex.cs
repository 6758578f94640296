using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>One call from a caller to a callee, API references resolved to the services that provide them.</summary>
public sealed record Call(ServiceState Caller, ServiceState Callee, Dependency Edge);

/// <summary>Who calls whom, built once from a fleet snapshot: the reverse of every service's dependency list.</summary>
public sealed class CallerIndex
{
    private readonly Dictionary<string, List<Call>> _callsTo;

    private CallerIndex(Dictionary<string, List<Call>> callsTo) => _callsTo = callsTo;

    /// <summary>Indexes every resolvable edge of <paramref name="services"/>; dangling edges are left out.</summary>
    public static CallerIndex Build(IReadOnlyCollection<ServiceState> services)
    {
        var byId = services.ToDictionary(service => service.Id, StringComparer.Ordinal);
        var providers = services
            .SelectMany(service => service.Profile.ProvidesApis.Select(api => (Api: EntityRefs.ApiPrefix + api, Service: service)))
            .ToLookup(pair => pair.Api, pair => pair.Service, StringComparer.Ordinal);
        var callsTo = new Dictionary<string, List<Call>>(StringComparer.Ordinal);
        foreach (var caller in services)
        {
            foreach (var edge in caller.Dependencies)
            {
                var callees = edge.IsApi ? providers[edge.Target] : byId.TryGetValue(edge.Target, out var callee) ? [callee] : [];
                foreach (var target in callees.Where(target => target.Id != caller.Id))
                {
                    if (!callsTo.TryGetValue(target.Id, out var calls))
                    {
                        calls = [];
                        callsTo[target.Id] = calls;
                    }

                    calls.Add(new Call(caller, target, edge));
                }
            }
        }

        return new CallerIndex(callsTo);
    }

    /// <summary>The calls into <paramref name="serviceId"/>.</summary>
    public IReadOnlyList<Call> CallsTo(string serviceId) => _callsTo.TryGetValue(serviceId, out var calls) ? calls : [];

    /// <summary>Synchronous critical-path calls into <paramref name="serviceId"/>: the callers that fail when it fails.</summary>
    public IEnumerable<Call> CriticalCallsTo(string serviceId) =>
        CallsTo(serviceId).Where(call => call.Edge.CriticalPath && call.Edge.Synchronous);
}
