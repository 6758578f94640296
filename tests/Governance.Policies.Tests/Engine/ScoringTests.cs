using Governance.Domain.Audit;
using Governance.Domain.Policies;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Engine;

public sealed class ScoringTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, 0, RiskLevel.None)]
    [InlineData(0, 0, 0, 1, 1, RiskLevel.Low)]
    [InlineData(0, 0, 1, 1, 3, RiskLevel.Low)]
    [InlineData(0, 0, 2, 0, 4, RiskLevel.Medium)]
    [InlineData(0, 1, 2, 0, 9, RiskLevel.Medium)]
    [InlineData(1, 0, 0, 0, 10, RiskLevel.High)]
    [InlineData(1, 1, 2, 0, 19, RiskLevel.High)]
    [InlineData(2, 0, 0, 0, 20, RiskLevel.Critical)]
    public void The_score_sums_severity_weights_and_the_level_follows_it(int critical, int high, int medium, int low, int score, RiskLevel level)
    {
        var traits = new[] { (critical, Severity.Critical), (high, Severity.High), (medium, Severity.Medium), (low, Severity.Low) }
            .SelectMany(entry => Enumerable.Repeat(entry.Item2, entry.Item1))
            .Select((severity, i) => new TraitFinding($"t{i}", "T", PolicyCategory.Data, severity, []))
            .ToList();

        var profile = new RiskProfile("svc", traits);

        Assert.Equal((score, level), (profile.Score, profile.Level));
    }

    [Theory]
    [InlineData(RiskLevel.None, 0, 0)]
    [InlineData(RiskLevel.Low, 1, 3)]
    [InlineData(RiskLevel.Medium, 4, 9)]
    [InlineData(RiskLevel.High, 10, 19)]
    [InlineData(RiskLevel.Critical, 20, int.MaxValue)]
    public void Each_level_spans_the_scores_whose_level_it_is(RiskLevel level, int lowest, int highest)
    {
        Assert.Equal((lowest, highest), RiskProfile.ScoresOf(level));
        Assert.Equal((level, level), (RiskProfile.LevelOf(lowest), RiskProfile.LevelOf(highest)));
    }

    [Fact]
    public void Profiles_are_ordered_by_score_then_id_and_list_traits_most_severe_first()
    {
        var set = TwoPolicies();
        var fleet = new TestFleet()
            .Add("b-medium", tier: 2)
            .Add("a-medium", tier: 2)
            .Add("zz-both", tier: 0)
            .Add("clean", tier: 3);

        var result = fleet.Audit(set);

        Assert.Equal([("zz-both", 12), ("a-medium", 2), ("b-medium", 2)], result.Profiles.Select(profile => (profile.ServiceId, profile.Score)));
        Assert.Equal(["tier-zero", "not-tier-three"], result.Profiles[0].Traits.Select(trait => trait.PolicyId));
    }

    [Fact]
    public void The_result_names_the_audit_time_policy_set_and_what_was_audited()
    {
        var set = TwoPolicies();

        var result = new TestFleet().Add("a", tier: 0).Add("b", tier: 3).Audit(set, TestFleet.AuditTime.AddHours(1));

        Assert.Equal((TestFleet.AuditTime.AddHours(1), set.Hash, 2, 2), (result.At, result.PolicySetHash, result.PoliciesEvaluated, result.ServicesAudited));
    }

    [Fact]
    public void A_finding_carries_the_policy_title_category_and_severity()
    {
        var finding = new TestFleet().Add("a", tier: 0).Finding("a", "tier-zero", TwoPolicies());

        Assert.Equal(("tier-zero", "Test tier-zero", PolicyCategory.Dependencies, Severity.Critical, false), (finding.PolicyId, finding.Title, finding.Category, finding.Severity, finding.IsWaived));
    }

    [Fact]
    public void Graph_facts_must_be_given_for_every_service()
    {
        var engine = PolicyEngine.Compile(TwoPolicies());
        var snapshot = new FleetSnapshot([Healthy.Service("a"), Healthy.Service("b")], []);

        var error = Assert.Throws<ArgumentException>(() => engine.Evaluate(snapshot, [TestFleet.Isolated], TestFleet.AuditTime));

        Assert.StartsWith("graph facts are given for 1 services, the snapshot holds 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluating_a_large_fleet_in_parallel_gives_the_same_result_as_one_by_one()
    {
        var set = ShippedPolicies.Set;
        var services = Enumerable.Range(0, 5000).Select(i => Healthy.Service($"s{i:D5}", i % 4).Spanning(1 + (i % 3), 1 + (i % 2), 1, 1)).ToList();
        var graph = services.Select(_ => TestFleet.Isolated).ToList();
        var engine = PolicyEngine.Compile(set);

        var whole = engine.Evaluate(new FleetSnapshot(services, []), graph, TestFleet.AuditTime);
        var oneByOne = services.SelectMany(service => engine.Evaluate(new FleetSnapshot([service], []), [TestFleet.Isolated], TestFleet.AuditTime).Profiles);

        Assert.Equal(
            oneByOne.OrderByDescending(profile => profile.Score).ThenBy(profile => profile.ServiceId, StringComparer.Ordinal).Select(Describe),
            whole.Profiles.Select(Describe));
    }

    private static string Describe(RiskProfile profile) => $"{profile.ServiceId}:{string.Join(",", profile.Traits.Select(trait => trait.PolicyId))}";

    private static PolicySet TwoPolicies()
    {
        using var files = new PolicyFiles();
        files.Write("t.yaml", PolicyFiles.TierTargets);
        files.Write("a.yaml", PolicyFiles.Policy("tier-zero", "fact: tier\nequals: 0", severity: Severity.Critical));
        files.Write("b.yaml", PolicyFiles.Policy("not-tier-three", "fact: tier\nnotEquals: 3", severity: Severity.Medium));
        return files.Load().Set!;
    }
}
