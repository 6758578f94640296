using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using Governance.Domain.Policies;

namespace Governance.Policies.Tests.Support;

/// <summary>
/// Graph facts for the handful of services of a test, computed the plain way (a walk per service) from the spec's
/// definitions. The product computes them for the whole fleet at once; tests need only small graphs.
/// </summary>
public static class SimpleGraph
{
    public static IReadOnlyList<GraphFacts> Compute(IReadOnlyList<ServiceState> services, TierTargets targets)
    {
        var calls = CallerIndex.Build(services);
        return [.. services.Select(service => Of(service, services, calls, targets))];
    }

    private static GraphFacts Of(ServiceState service, IReadOnlyList<ServiceState> services, CallerIndex calls, TierTargets targets)
    {
        var callsTo = calls.CallsTo(service.Id);
        var callsFrom = calls.CallsFrom(service.Id);
        var critical = callsTo.Where(call => call.Edge.CriticalPath && call.Edge.Synchronous).Select(call => call.Caller).DistinctBy(caller => caller.Id).ToList();
        var blast = Reach(service, call => call.Caller, id => calls.CallsTo(id).Where(call => IsHard(call.Edge)));
        var hardTargets = Reach(service, call => call.Callee, id => calls.CallsFrom(id).Where(call => IsHard(call.Edge)));
        var downstream = Reach(service, call => call.Callee, id => calls.CallsFrom(id));
        var rtos = hardTargets.Select(target => targets.For(target.Profile.Tier)?.RtoMinutes).OfType<int>().ToList();
        var timeouts = callsTo.Select(call => call.Edge.TimeoutMs).OfType<int>().ToList();
        return new GraphFacts(
            FanIn: callsTo.Select(call => call.Caller.Id).Distinct().Count(),
            FanOut: callsFrom.Select(call => call.Callee.Id).Distinct().Count(),
            TransitiveFanIn: Reach(service, call => call.Caller, id => calls.CallsTo(id)).Count(other => other.Id != service.Id),
            TransitiveFanOut: downstream.Count(other => other.Id != service.Id),
            CriticalFanIn: critical.Count,
            CriticalFanInTier0: critical.Count(caller => caller.Profile.Tier == 0),
            BlastRadiusServices: blast.Count(other => other.Id != service.Id),
            BlastRadiusProducts: blast.Append(service).SelectMany(other => other.Profile.Products).Distinct().Count(),
            AllowedRtoMinutes: rtos.Count == 0 ? null : rtos.Max(),
            InCycle: downstream.Any(other => other.Id == service.Id),
            DanglingDependencies: service.Dependencies.Count(edge => !Resolves(edge, services)),
            DeprecatedDependencies: callsFrom.Select(call => call.Callee).DistinctBy(callee => callee.Id).Count(callee => callee.Profile.Lifecycle == "deprecated"),
            MinInboundTimeoutMs: timeouts.Count == 0 ? null : timeouts.Min());
    }

    private static bool IsHard(Dependency edge) => edge.Synchronous && edge.CriticalPath && !edge.GracefulDegradation && !edge.ClientCache;

    private static bool Resolves(Dependency edge, IReadOnlyList<ServiceState> services) => edge.IsApi
        ? services.Any(service => service.Profile.ProvidesApis.Contains(edge.Target[EntityRefs.ApiPrefix.Length..]))
        : services.Any(service => service.Id == edge.Target);

    /// <summary>The services reached from <paramref name="start"/> by following <paramref name="next"/> (itself only over a cycle).</summary>
    private static List<ServiceState> Reach(ServiceState start, Func<Call, ServiceState> step, Func<string, IEnumerable<Call>> next)
    {
        var seen = new Dictionary<string, ServiceState>(StringComparer.Ordinal);
        var queue = new Queue<ServiceState>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var reached in next(current.Id).Select(step))
            {
                if (seen.TryAdd(reached.Id, reached))
                {
                    queue.Enqueue(reached);
                }
            }
        }

        return [.. seen.Values];
    }
}
