using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Language;

public sealed class OperandTests
{
    [Fact]
    public void By_tier_takes_the_value_of_the_service_tier_and_the_default_for_others_and_the_unclassified()
    {
        var fleet = new[] { 0, 1, 2, 3 }.Select(tier => Healthy.Service($"t{tier}", tier).WithFacts(facts => facts with { Autoscaling = new Autoscaling(true) { ReactionSeconds = 200 } }))
            .Append(Healthy.Service("unclassified", tier: null).WithFacts(facts => facts with { Autoscaling = new Autoscaling(true) { ReactionSeconds = 700 } }))
            .ToArray();

        Assert.Equal(["t0", "unclassified"], Judge.Flagged("fact: autoscaling.reactionSeconds\ngreaterThan: { byTier: { 0: 120, 1: 300, default: 600 } }", fleet));
    }

    [Fact]
    public void By_tier_without_a_default_is_unknown_for_other_tiers() =>
        Assert.Equal(["t0"], Judge.Flagged("fact: tier\natMost: { byTier: { 0: 5 } }", Healthy.Service("t0", 0), Healthy.Service("t3", 3), Healthy.Service("none", null)));

    [Fact]
    public void Tier_targets_are_operands_and_unknown_for_the_unclassified()
    {
        var zonal = new[] { 0, 1, 3 }.Select(tier => Healthy.Service($"t{tier}", tier).Spanning(4, 2, 1, 1)).Append(Healthy.Service("none", null).Spanning(1, 1, 1, 1)).ToArray();

        Assert.Equal(["t0"], Judge.Flagged("fact: exposure\natMost: { tierTarget: mustSurvive }", zonal));
        Assert.Equal(["t3"], Judge.Flagged("fact: tierTarget.rtoMinutes\nequals: { tierTarget: rpoMinutes }", zonal));
        Assert.Equal(["none"], Judge.Flagged("absent: tierTarget.rtoMinutes", zonal));
    }

    [Fact]
    public void Graph_facts_are_compared_with_tier_targets()
    {
        var fleet = new TestFleet()
            .Add("front", tier: 0)
            .Add("back", tier: 0)
            .WithGraph("front", TestFleet.Isolated with { AllowedRtoMinutes = 240 })
            .WithGraph("back", TestFleet.Isolated with { AllowedRtoMinutes = 15 });

        Assert.Equal(["front"], Judge.Flagged("fact: allowedRtoMinutes\ngreaterThan: { tierTarget: rtoMinutes }", fleet));
    }
}
