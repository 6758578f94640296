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
        var context = new FactContext(day.DayNumber, _usesTargets ? new FleetIndex(services) : null);
        var found = new List<(RiskProfile Profile, int Score)>();
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            context.Begin(service, graph[i], service.Profile.Tier is int tier && tier >= 0 && tier < _tierTargets.Length ? _tierTargets[tier] : null);
            if (Judge(context, day) is { } findings)
            {
                found.Add((new RiskProfile(service.Id, findings), Score(findings)));
            }
        }

        found.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Profile.ServiceId, b.Profile.ServiceId));
        return new AuditResult(at, _set.Hash, _policies.Length, services.Count, [.. found.Select(entry => entry.Profile)]);
    }

    /// <summary>The traits of the service in <paramref name="context"/>, most severe first; null when it has none.</summary>
    private List<TraitFinding>? Judge(FactContext context, DateOnly day)
    {
        List<TraitFinding>? findings = null;
        foreach (var compiled in _policies)
        {
            if (compiled.Selector.Matches(context.Service.Profile) && compiled.Condition.Test(context))
            {
                findings ??= [];
                findings.Add(compiled.Find(context, day));
            }
        }

        findings?.Sort(static (a, b) => a.Severity != b.Severity ? b.Severity.CompareTo(a.Severity) : string.CompareOrdinal(a.PolicyId, b.PolicyId));
        return findings;
    }

    private static int Score(List<TraitFinding> findings)
    {
        var score = 0;
        foreach (var finding in findings)
        {
            score += finding.IsWaived ? 0 : SeverityWeights.Of(finding.Severity);
        }

        return score;
    }
}

/// <summary>One policy with its selector and condition compiled.</summary>
internal sealed record CompiledPolicy(Policy Policy, SelectorMatcher Selector, CompiledCondition Condition)
{
    /// <summary>The finding for the service in <paramref name="context"/>, which has the trait: its evidence, and the waiver that applies on <paramref name="day"/>.</summary>
    public TraitFinding Find(FactContext context, DateOnly day)
    {
        var evidence = new List<Evidence>();
        Condition.Explain(context, evidence);
        return new TraitFinding(Policy.Id, Policy.Title, Policy.Category, Policy.Severity, [.. evidence.Distinct()])
        {
            Waiver = WaiverOn(context.Service.Waivers, day),
        };
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
