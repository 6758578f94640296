using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using Governance.Domain.Policies;

namespace Governance.Domain.Tests.Graph;

/// <summary>The graph facts straight from their definitions: edges from <see cref="CallerIndex"/>, one search per service.</summary>
internal static class NaiveGraphFacts
{
    public static IReadOnlyList<GraphFacts> Compute(IReadOnlyList<ServiceState> services, TierTargets targets)
    {
        var position = services.Select((service, i) => (service.Id, i)).ToDictionary(pair => pair.Id, pair => pair.i, StringComparer.Ordinal);
        var calls = CallerIndex.Build([.. services]);
        var providers = services.SelectMany(service => service.Profile.ProvidesApis.Select(api => (Api: EntityRefs.ApiPrefix + api, Service: service.Id)))
            .ToLookup(pair => pair.Api, pair => pair.Service, StringComparer.Ordinal);
        var resolved = services.Select(service => calls.CallsFrom(service.Id).Where(call => call.Callee.Id != service.Id).ToList()).ToList();
        var callees = Adjacency(services, position, resolved, _ => true, reverse: false);
        var callers = Adjacency(services, position, resolved, _ => true, reverse: true);
        var hardCallees = Adjacency(services, position, resolved, IsHard, reverse: false);
        var hardCallers = Adjacency(services, position, resolved, IsHard, reverse: true);
        return [.. services.Select((service, i) =>
        {
            var inbound = calls.CallsTo(service.Id).Where(call => call.Caller.Id != service.Id).ToList();
            var critical = inbound.Where(call => call.Edge.Synchronous && call.Edge.CriticalPath).Select(call => call.Caller).DistinctBy(caller => caller.Id).ToList();
            var reached = Reached(i, callees);
            var blast = Reached(i, hardCallers);
            blast.Remove(i);
            var rtos = Reached(i, hardCallees).Where(other => other != i)
                .Select(other => targets.For(services[other].Profile.Tier)?.RtoMinutes).Where(rto => rto is not null).ToList();
            return new GraphFacts(
                FanIn: inbound.Select(call => call.Caller.Id).Distinct().Count(),
                FanOut: resolved[i].Select(call => call.Callee.Id).Distinct().Count(),
                TransitiveFanIn: Reached(i, callers).Count(other => other != i),
                TransitiveFanOut: reached.Count(other => other != i),
                CriticalFanIn: critical.Count,
                CriticalFanInTier0: critical.Count(caller => caller.Profile.Tier == 0),
                BlastRadiusServices: blast.Count,
                BlastRadiusProducts: blast.Append(i).SelectMany(other => services[other].Profile.Products).Distinct().Count(),
                AllowedRtoMinutes: rtos.Count == 0 ? null : rtos.Max(),
                InCycle: reached.Contains(i),
                DanglingDependencies: service.Dependencies.Count(edge => edge.IsApi ? !providers.Contains(edge.Target) : !position.ContainsKey(edge.Target)),
                DeprecatedDependencies: service.Dependencies.Count(edge => Targets(edge, position, providers)
                    .Any(target => target != service.Id && services[position[target]].Profile.Lifecycle == "deprecated")),
                MinInboundTimeoutMs: inbound.Min(call => call.Edge.TimeoutMs));
        })];
    }

    private static bool IsHard(Call call) =>
        call.Edge.Synchronous && call.Edge.CriticalPath && !call.Edge.GracefulDegradation && !call.Edge.ClientCache;

    private static IEnumerable<string> Targets(Dependency edge, Dictionary<string, int> position, ILookup<string, string> providers) =>
        edge.IsApi ? providers[edge.Target] : position.ContainsKey(edge.Target) ? [edge.Target] : [];

    private static List<int>[] Adjacency(
        IReadOnlyList<ServiceState> services, Dictionary<string, int> position, List<List<Call>> resolved, Func<Call, bool> keep, bool reverse)
    {
        var adjacency = services.Select(_ => new List<int>()).ToArray();
        foreach (var call in resolved.SelectMany(calls => calls).Where(keep))
        {
            var (from, to) = (position[call.Caller.Id], position[call.Callee.Id]);
            adjacency[reverse ? to : from].Add(reverse ? from : to);
        }

        return adjacency;
    }

    /// <summary>Every node a path of one edge or more leads to from <paramref name="start"/>: itself only on a cycle.</summary>
    private static HashSet<int> Reached(int start, List<int>[] adjacency)
    {
        var seen = new HashSet<int>();
        var queue = new Queue<int>(adjacency[start]);
        while (queue.TryDequeue(out var node))
        {
            if (seen.Add(node))
            {
                adjacency[node].ForEach(queue.Enqueue);
            }
        }

        return seen;
    }
}
