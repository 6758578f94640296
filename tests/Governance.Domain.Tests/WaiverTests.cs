using Governance.Domain.Catalog;
using Governance.Domain.Commands;

namespace Governance.Domain.Tests;

public sealed class WaiverTests
{
    private static readonly Waiver Accepted = new("single-region", "Second region lands in Q1", "cto", new DateOnly(2027, 3, 31));

    [Fact]
    public void A_waiver_is_recorded_with_when_it_was_granted()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(state, new WaiveTrait(Accepted), Samples.Now)).State;

        Assert.Equal(Accepted with { GrantedAt = Samples.Now }, Assert.Single(next.Waivers));
    }

    [Fact]
    public void A_waiver_needs_a_reason_an_approver_and_a_future_expiry()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));
        var waiver = new Waiver("single-region", " ", "", new DateOnly(2026, 11, 21));

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(ServiceAggregate.Decide(state, new WaiveTrait(waiver), Samples.Now));

        Assert.Equal(["approver", "expires", "justification"], rejected.Errors.Select(error => error.Field).Order().ToList());
    }

    [Fact]
    public void Reimporting_a_service_keeps_its_waivers()
    {
        var define = new DefineService(Samples.Profile("api"));
        var waived = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(Samples.Created(define), new WaiveTrait(Accepted), Samples.Now)).State;

        var reimported = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(waived, define with { Footprint = new Footprint(2, 2, 1, 1) }, Samples.Now)).State;

        Assert.Single(reimported.Waivers);
    }

    [Fact]
    public void A_revoked_waiver_is_gone_and_revoking_a_missing_one_is_refused()
    {
        var waived = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(Samples.Created(new DefineService(Samples.Profile("api"))), new WaiveTrait(Accepted), Samples.Now)).State;

        var revoked = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(ServiceAggregate.Decide(waived, new RevokeWaiver("single-region"), Samples.Now)).State;

        Assert.Empty(revoked.Waivers);
        Assert.IsType<CommandOutcome<ServiceState>.Rejected>(ServiceAggregate.Decide(revoked, new RevokeWaiver("single-region"), Samples.Now));
    }

    [Fact]
    public void A_waiver_applies_through_its_expiry_day()
    {
        Assert.True(Accepted.AppliesOn(new DateOnly(2027, 3, 31)));
        Assert.False(Accepted.AppliesOn(new DateOnly(2027, 4, 1)));
    }
}
