using System.Collections.Concurrent;
using Governance.Domain.Audit;
using Governance.Domain.Catalog;
using Governance.Domain.Graph;

namespace Governance.Domain.Policies;

/// <summary>
/// A policy set compiled once into delegates, ready to evaluate whole fleets: each service is judged by every policy that
/// applies to it in one pass, and evidence is gathered only for the traits found.
/// </summary>
public sealed class PolicyEngine
{
    private const int RangeSize = 2048;

    private readonly PolicySet _set;
    private readonly CompiledPolicy[] _policies;
    private readonly TierTarget?[] _tierTargets;
    private readonly bool _usesTargets;

    private PolicyEngine(PolicySet set, CompiledPolicy[] policies, bool usesTargets)
    {
        _set = set;
        _policies = policies;
        _usesTargets = usesTargets;
        _tierTargets = new TierTarget?[ServiceProfile.LeastCriticalTier + 1];
        for (var tier = 0; tier < _tierTargets.Length; tier++)
        {
            _tierTargets[tier] = set.Targets.For(tier);
        }
    }

    /// <summary>The policy set this engine judges by.</summary>
    public PolicySet Set => _set;

    /// <summary>Checks and compiles every policy of <paramref name="set"/>.</summary>
    /// <exception cref="InvalidPolicyException">A policy breaks a rule of the language (only possible for policies built in code).</exception>
    public static PolicyEngine Compile(PolicySet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var usesTargets = false;
        var policies = new CompiledPolicy[set.Policies.Count];
        for (var i = 0; i < policies.Length; i++)
        {
            var policy = set.Policies[i];
            var compiler = new ConditionCompiler(policy.Id);
            policies[i] = new CompiledPolicy(policy, new SelectorMatcher(policy.AppliesTo), compiler.Compile(policy.When, scope: null));
            usesTargets |= compiler.UsesTargets;
        }

        return new PolicyEngine(set, policies, usesTargets);
    }

    /// <summary>
    /// Judges every service of <paramref name="snapshot"/> at <paramref name="at"/>; <paramref name="graph"/>[i] belongs to
    /// <c>snapshot.Services[i]</c>. Dates are aged, and waivers checked, against the UTC day of <paramref name="at"/>.
    /// </summary>
    public AuditResult Evaluate(FleetSnapshot snapshot, IReadOnlyList<GraphFacts> graph, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(graph);
        var services = snapshot.Services;
        if (graph.Count != services.Count)
        {
            throw new ArgumentException($"graph facts are given for {graph.Count} services, the snapshot holds {services.Count}", nameof(graph));
        }

        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var fleet = _usesTargets ? new FleetIndex(services) : null;
        var profiles = new RiskProfile?[services.Count];
        var scores = new int[services.Count];

        // Services are judged independently, so ranges of them run in parallel, each with its own context.
        // An empty range is refused by the partitioner: an empty fleet has nothing to judge.
        Parallel.ForEach(services.Count == 0 ? [] : Partitioner.Create(0, services.Count, RangeSize).GetDynamicPartitions(), range =>
        {
            var context = new FactContext(day.DayNumber, fleet);
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var service = services[i];
                context.Begin(service, graph[i], TierTargetOf(service.Profile.Tier));
                if (Judge(context, day) is { } findings)
                {
                    profiles[i] = new RiskProfile(service.Id, findings);
                    scores[i] = profiles[i]!.Score;
                }
            }
        });

        var found = Enumerable.Range(0, services.Count).Where(i => profiles[i] is not null).ToArray();
        Array.Sort(found, (a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : string.CompareOrdinal(profiles[a]!.ServiceId, profiles[b]!.ServiceId));
        return new AuditResult(at, _set.Hash, _policies.Length, services.Count, [.. found.Select(i => profiles[i]!)]);
    }

    /// <summary>
    /// Judges one service at <paramref name="at"/> as <see cref="Evaluate"/> judges it within its fleet, given what the fleet
    /// would give it: its <paramref name="graph"/> facts, and the services its edges resolve to (<paramref name="dependencyTargets"/>;
    /// more may be given, such as every provider of an API, of which the one with the smallest id is taken, as in a fleet).
    /// An edge to the service itself resolves to <paramref name="service"/>, never to a target of the same id. The profile
    /// has no traits when the service has none.
    /// </summary>
    public RiskProfile EvaluateService(ServiceState service, GraphFacts graph, IReadOnlyList<ServiceState> dependencyTargets, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(dependencyTargets);
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var fleet = _usesTargets ? new FleetIndex([service, .. dependencyTargets.Where(target => target.Id != service.Id)]) : null;
        var context = new FactContext(day.DayNumber, fleet);
        context.Begin(service, graph, TierTargetOf(service.Profile.Tier));
        return new RiskProfile(service.Id, Judge(context, day) ?? []);
    }

    private TierTarget? TierTargetOf(int? tier) => tier is int known && known >= 0 && known < _tierTargets.Length ? _tierTargets[known] : null;

    /// <summary>The traits of the service in <paramref name="context"/>, most severe first; null when it has none.</summary>
    private TraitFinding[]? Judge(FactContext context, DateOnly day)
    {
        var findings = context.Findings;
        findings.Clear();
        foreach (var compiled in _policies)
        {
            if (compiled.Selector.Matches(context.Service.Profile) && compiled.Test(context))
            {
                findings.Add(compiled.Find(context, day));
            }
        }

        if (findings.Count == 0)
        {
            return null;
        }

        findings.Sort(static (a, b) => a.Severity != b.Severity ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.PolicyId, b.PolicyId));
        return [.. findings];
    }
}

/// <summary>One policy with its selector and condition compiled.</summary>
internal sealed record CompiledPolicy(Policy Policy, SelectorMatcher Selector, CompiledCondition Condition)
{
    /// <summary>The fast path: the whole condition as one compiled method (compiled here, when the engine is).</summary>
    public Func<FactContext, bool> Test { get; } = Condition.Test;

    /// <summary>The finding for the service in <paramref name="context"/>, which has the trait: its evidence, and the waiver that applies on <paramref name="day"/>.</summary>
    public TraitFinding Find(FactContext context, DateOnly day)
    {
        var evidence = context.Evidence;
        evidence.Clear();
        Condition.Explain(context, evidence, outcome: true);
        return new TraitFinding(Policy.Id, Policy.Title, Policy.Category, Policy.Severity, Distinct(evidence))
        {
            Waiver = WaiverOn(context.Service.Waivers, day),
        };
    }

    /// <summary>The evidence without repeats (a fact read by two parts of a condition), in order; lists are short, so a scan beats a set.</summary>
    private static Evidence[] Distinct(List<Evidence> evidence)
    {
        for (var i = evidence.Count - 1; i > 0; i--)
        {
            if (evidence.IndexOf(evidence[i]) < i)
            {
                evidence.RemoveAt(i);
            }
        }

        return [.. evidence];
    }

    private Waiver? WaiverOn(IReadOnlyList<Waiver> waivers, DateOnly day)
    {
        foreach (var waiver in waivers)
        {
            if (waiver.TraitId == Policy.Id && waiver.AppliesOn(day))
            {
                return waiver;
            }
        }

        return null;
    }
}
