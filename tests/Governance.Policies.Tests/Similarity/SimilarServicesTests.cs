using Governance.Domain.Audit;
using Governance.Domain.Policies;

namespace Governance.Policies.Tests.Similarity;

public sealed class SimilarServicesTests
{
    private static readonly Dictionary<string, Severity> Severities = new()
    {
        ["common"] = Severity.High,
        ["rare"] = Severity.High,
        ["critical-rare"] = Severity.Critical,
        ["unrelated"] = Severity.Low,
    };

    // 100 services audited; "common" is on 50 of them, "rare" on 2, "critical-rare" on 2.
    private static readonly AuditResult Result = Audit(100,
        ("origin", ["common", "rare", "critical-rare"]),
        ("shares-rare", ["rare"]),
        ("shares-critical-rare", ["critical-rare"]),
        ("shares-common-a", ["common"]),
        ("shares-common-b", ["common", "unrelated"]),
        ("shares-nothing", ["unrelated"]));

    [Fact]
    public void Services_sharing_rarer_and_more_severe_traits_rank_first_and_the_service_itself_is_left_out()
    {
        var similar = SimilarServices.Rank(Result, "origin", limit: 10);

        Assert.Equal(
            ["shares-critical-rare", "shares-rare", "filler-00", "filler-01"],
            similar.Take(4).Select(service => service.ServiceId));
        Assert.DoesNotContain(similar, service => service.ServiceId is "origin" or "shares-nothing");
    }

    [Fact]
    public void The_score_is_the_weight_of_the_shared_traits_over_the_weight_of_the_traits_asked_about()
    {
        double Weight(int severity, int having) => severity * Math.Log(1 + (100.0 / having));
        var total = Weight(5, 50) + Weight(5, 2) + Weight(10, 2);

        var similar = SimilarServices.Rank(Result, "origin", limit: 3);

        Assert.Equal(Weight(10, 2) / total, similar[0].Score, precision: 12);
        Assert.Equal(Weight(5, 2) / total, similar[1].Score, precision: 12);
        Assert.Equal(Weight(5, 50) / total, similar[2].Score, precision: 12);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_id_and_the_limit_holds()
    {
        var similar = SimilarServices.Rank(Result, "shares-common-a", limit: 4);

        Assert.Equal(["filler-00", "filler-01", "filler-02", "filler-03"], similar.Select(service => service.ServiceId));
        Assert.All(similar, service => Assert.Equal(1.0, service.Score, precision: 12));
    }

    [Fact]
    public void Shared_traits_are_the_reasons_heaviest_first()
    {
        var result = Audit(10, ("a", ["common", "rare", "critical-rare"]), ("b", ["common", "rare", "critical-rare", "unrelated"]), ("c", ["common"]));

        var best = SimilarServices.Rank(result, "a", limit: 1).Single();

        Assert.Equal(("b", 1.0), (best.ServiceId, best.Score));
        Assert.Equal(["critical-rare", "rare", "common"], best.SharedTraits);
    }

    [Fact]
    public void An_incidents_contributing_traits_find_the_services_that_share_them()
    {
        var similar = SimilarServices.RankByTraits(Result, ["rare", "critical-rare", "never-seen"], limit: 10);

        Assert.Equal(["origin", "shares-critical-rare", "shares-rare"], similar.Select(service => service.ServiceId));
        Assert.Equal(1.0, similar[0].Score, precision: 12);
        Assert.Equal(["critical-rare", "rare"], similar[0].SharedTraits);
    }

    [Fact]
    public void A_service_without_traits_or_a_zero_limit_finds_nothing()
    {
        var index = SimilarityIndex.Build(Result);

        Assert.Empty(index.Rank("not-in-the-result", 10));
        Assert.Empty(index.Rank("origin", 0));
        Assert.Empty(index.RankByTraits(["never-seen"], 10));
    }

    [Fact]
    public void Waived_traits_still_make_services_similar()
    {
        var waived = new TraitFinding("rare", "rare", PolicyCategory.Data, Severity.High, []) { Waiver = new("rare", "Accepted", "cto", new DateOnly(2030, 1, 1)) };
        var result = new AuditResult(DateTimeOffset.UnixEpoch, "hash", 1, 3, [new RiskProfile("a", [waived]), new RiskProfile("b", [waived with { Waiver = null }])]);

        Assert.Equal(["b"], SimilarServices.Rank(result, "a", 5).Select(service => service.ServiceId));
    }

    [Fact]
    public void One_index_answers_many_queries_as_the_one_off_calls_do()
    {
        var index = SimilarityIndex.Build(Result);

        foreach (var id in new[] { "origin", "shares-rare", "shares-common-b", "filler-10" })
        {
            Assert.Equal(SimilarServices.Rank(Result, id, 5).Select(Describe), index.Rank(id, 5).Select(Describe));
        }
    }

    private static string Describe(SimilarService service) => $"{service.ServiceId}:{service.Score:R}:{string.Join(",", service.SharedTraits)}";

    /// <summary>An audit of <paramref name="audited"/> services: the given profiles, filled up with "common"-only services to 50 holders of "common".</summary>
    private static AuditResult Audit(int audited, params (string Id, string[] Traits)[] profiles)
    {
        var common = profiles.Count(profile => profile.Traits.Contains("common"));
        var fillers = Enumerable.Range(0, audited >= 100 ? 50 - common : 0).Select(i => ($"filler-{i:D2}", new[] { "common" }));
        return new AuditResult(DateTimeOffset.UnixEpoch, "hash", 4, audited, [.. profiles.Concat(fillers).Select(profile =>
            new RiskProfile(profile.Item1, [.. profile.Item2.Select(trait => new TraitFinding(trait, trait, PolicyCategory.Dependencies, Severities[trait], []))]))]);
    }
}
