using Governance.Domain.Catalog;

namespace Governance.Domain.Graph;

/// <summary>One call from a caller to a callee, API references resolved to the services that provide them.</summary>
public sealed record Call(ServiceState Caller, ServiceState Callee, Dependency Edge);

/// <summary>
/// The fleet's resolved calls, built once from a snapshot: each service's own edges (an API edge to every provider of the
/// API) and the edges others declare from the callee's end (<see cref="ServiceProfile.DependencyOf"/>, default attributes).
/// Edges to services the snapshot lacks are left out: they are dangling references.
/// </summary>
public sealed class CallerIndex
{
    private readonly Dictionary<string, List<Call>> _callsTo;
    private readonly Dictionary<string, List<Call>> _callsFrom;

    private CallerIndex(IEnumerable<Call> calls)
    {
        _callsTo = Group(calls, call => call.Callee.Id);
        _callsFrom = Group(calls, call => call.Caller.Id);
    }

    /// <summary>Resolves every edge of <paramref name="services"/>.</summary>
    public static CallerIndex Build(IReadOnlyCollection<ServiceState> services) => new(Resolve(services).ToList());

    /// <summary>The calls into <paramref name="serviceId"/>.</summary>
    public IReadOnlyList<Call> CallsTo(string serviceId) => _callsTo.TryGetValue(serviceId, out var calls) ? calls : [];

    /// <summary>The calls <paramref name="serviceId"/> makes.</summary>
    public IReadOnlyList<Call> CallsFrom(string serviceId) => _callsFrom.TryGetValue(serviceId, out var calls) ? calls : [];

    /// <summary>Synchronous critical-path calls into <paramref name="serviceId"/>: the callers that fail when it fails.</summary>
    public IEnumerable<Call> CriticalCallsTo(string serviceId) =>
        CallsTo(serviceId).Where(call => call.Edge.IsCritical);

    private static IEnumerable<Call> Resolve(IReadOnlyCollection<ServiceState> services)
    {
        var byId = services.ToDictionary(service => service.Id, StringComparer.Ordinal);
        var providers = services
            .SelectMany(service => service.Profile.ProvidesApis.Select(api => (Api: EntityRefs.ApiPrefix + api, Service: service)))
            .ToLookup(pair => pair.Api, pair => pair.Service, StringComparer.Ordinal);
        foreach (var caller in services)
        {
            foreach (var edge in caller.Dependencies)
            {
                var callees = edge.IsApi ? providers[edge.Target] : byId.TryGetValue(edge.Target, out var callee) ? [callee] : [];
                foreach (var target in callees.Where(target => target.Id != caller.Id))
                {
                    yield return new Call(caller, target, edge);
                }
            }
        }

        foreach (var callee in services)
        {
            foreach (var callerId in callee.Profile.DependencyOf)
            {
                if (byId.TryGetValue(callerId, out var caller) && caller.EdgeTo(callee) is null)
                {
                    yield return new Call(caller, callee, new Dependency(callee.Id));
                }
            }
        }
    }

    private static Dictionary<string, List<Call>> Group(IEnumerable<Call> calls, Func<Call, string> key)
    {
        var grouped = new Dictionary<string, List<Call>>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            if (!grouped.TryGetValue(key(call), out var list))
            {
                list = [];
                grouped[key(call)] = list;
            }

            list.Add(call);
        }

        return grouped;
    }
}
