using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Graph;
using Governance.Domain.Policies;

namespace Governance.Policies.Tests.Support;

/// <summary>
/// A tiny fleet built in code and judged by a policy set (the shipped one unless told), at a fixed audit time: the way
/// per-policy tests are written.
/// <code>
/// var fleet = new TestFleet()
///     .Add("steady", tier: 0)
///     .Add("fixed-size", tier: 0, service => service.WithFacts(facts => facts with { Autoscaling = new Autoscaling(false) }));
/// Assert.Equal(["fixed-size"], fleet.ServicesWith("slow-autoscaling"));
/// </code>
/// Graph facts are computed from the fleet (<see cref="SimpleGraph"/>) unless a test gives them with <see cref="WithGraph"/>.
/// </summary>
public sealed class TestFleet
{
    /// <summary>The audit time every test uses unless it says otherwise; no test reads the clock.</summary>
    public static readonly DateTimeOffset AuditTime = new(2021, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly AuditDay = DateOnly.FromDateTime(AuditTime.UtcDateTime);

    private readonly List<ServiceState> _services = [];
    private readonly Dictionary<string, GraphFacts> _graph = new(StringComparer.Ordinal);

    /// <summary>Adds a <see cref="Healthy"/> service, changed by <paramref name="change"/>.</summary>
    public TestFleet Add(string id, int? tier = 1, Func<ServiceState, ServiceState>? change = null) =>
        Add(change is null ? Healthy.Service(id, tier) : change(Healthy.Service(id, tier)));

    public TestFleet Add(ServiceState service)
    {
        _services.Add(service);
        return this;
    }

    /// <summary>Gives <paramref name="id"/>'s graph facts instead of computing them.</summary>
    public TestFleet WithGraph(string id, GraphFacts graph)
    {
        _graph[id] = graph;
        return this;
    }

    public FleetSnapshot Snapshot => new(_services, []);

    /// <summary>Graph facts with nothing around the service: no callers, no callees.</summary>
    public static GraphFacts Isolated { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, null, false, 0, 0, null);

    public AuditResult Audit(PolicySet? set = null, DateTimeOffset? at = null)
    {
        set ??= ShippedPolicies.Set;
        var computed = SimpleGraph.Compute(_services, set.Targets);
        var graph = _services.Select((service, i) => _graph.TryGetValue(service.Id, out var given) ? given : computed[i]).ToList();
        return PolicyEngine.Compile(set).Evaluate(Snapshot, graph, at ?? AuditTime);
    }

    /// <summary>The ids of the services that have <paramref name="policyId"/>'s trait, in order.</summary>
    public IReadOnlyList<string> ServicesWith(string policyId, PolicySet? set = null, DateTimeOffset? at = null) =>
        [.. Audit(set, at).Profiles.Where(profile => profile.Traits.Any(trait => trait.PolicyId == policyId)).Select(profile => profile.ServiceId).Order(StringComparer.Ordinal)];

    /// <summary>The trait <paramref name="policyId"/> on <paramref name="serviceId"/>; fails when the service does not have it.</summary>
    public TraitFinding Finding(string serviceId, string policyId, PolicySet? set = null, DateTimeOffset? at = null) =>
        Audit(set, at).Profiles.Single(profile => profile.ServiceId == serviceId).Traits.Single(trait => trait.PolicyId == policyId);
}
