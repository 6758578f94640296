using Governance.Domain.Catalog;
using Governance.Policies.Tests.Support;

namespace Governance.Policies.Tests.Engine;

public sealed class WaiverTests
{
    private static readonly Waiver SecondRegionNextQuarter = new("single-unit-of-failure", "Second region lands in Q3", "cto", new DateOnly(2021, 9, 30));

    [Fact]
    public void A_waiver_that_applies_is_attached_and_the_trait_leaves_the_score()
    {
        var fleet = SingleRegionTier0(SecondRegionNextQuarter);

        var profile = Assert.Single(fleet.Audit().Profiles);
        var trait = Assert.Single(profile.Traits);

        Assert.Equal(("single-unit-of-failure", SecondRegionNextQuarter), (trait.PolicyId, trait.Waiver));
        Assert.True(trait.IsWaived);
        Assert.Equal(0, profile.Score);
    }

    [Fact]
    public void A_waiver_applies_through_its_expiry_day_and_not_after()
    {
        var fleet = SingleRegionTier0(SecondRegionNextQuarter);

        var lastDay = fleet.Finding("edge", "single-unit-of-failure", at: new DateTimeOffset(2021, 9, 30, 23, 59, 0, TimeSpan.Zero));
        var dayAfter = fleet.Finding("edge", "single-unit-of-failure", at: new DateTimeOffset(2021, 10, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(SecondRegionNextQuarter, lastDay.Waiver);
        Assert.Null(dayAfter.Waiver);
    }

    [Fact]
    public void An_expired_waiver_counts_the_trait_in_the_score_again()
    {
        var fleet = SingleRegionTier0(SecondRegionNextQuarter with { Expires = new DateOnly(2021, 6, 30) });

        var profile = Assert.Single(fleet.Audit().Profiles);

        Assert.Equal((false, 10), (Assert.Single(profile.Traits).IsWaived, profile.Score));
    }

    [Fact]
    public void A_waiver_for_another_trait_does_not_apply()
    {
        var fleet = SingleRegionTier0(SecondRegionNextQuarter with { TraitId = "slow-autoscaling" });

        Assert.False(Assert.Single(Assert.Single(fleet.Audit().Profiles).Traits).IsWaived);
    }

    [Theory]
    [InlineData(WaiverStatus.Requested)]
    [InlineData(WaiverStatus.Rejected)]
    public void A_waiver_not_approved_leaves_the_trait_in_the_score(WaiverStatus status)
    {
        var fleet = SingleRegionTier0(SecondRegionNextQuarter with { Status = status });

        var profile = Assert.Single(fleet.Audit().Profiles);

        Assert.Equal((false, 10), (Assert.Single(profile.Traits).IsWaived, profile.Score));
    }

    private static TestFleet SingleRegionTier0(Waiver waiver) =>
        new TestFleet().Add("edge", tier: 0, service => service.Spanning(6, 3, 1, 1) with { Waivers = [waiver] });
}
