using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Policies;

namespace Governance.Domain.Tests;

public sealed class WaiverTests
{
    private static readonly Waiver Accepted = new("single-region", "Second region lands in Q1", "cto", new DateOnly(2027, 3, 31));

    [Fact]
    public void A_one_step_waiver_is_recorded_approved_with_who_asked_who_approved_and_when()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));

        var next = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(state, new WaiveTrait(Accepted))).State;

        var granted = Accepted with { GrantedAt = Samples.Now, RequestedBy = Samples.Actor, RequestedAt = Samples.Now, DecidedBy = "cto", DecidedAt = Samples.Now };
        Assert.Equal(granted, Assert.Single(next.Waivers));
        Assert.Equal(WaiverStatus.Approved, granted.Status);
    }

    [Fact]
    public void A_waiver_needs_a_reason_an_approver_and_a_future_expiry()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));
        var waiver = new Waiver("single-region", " ", "", new DateOnly(2026, 11, 21));

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(state, new WaiveTrait(waiver)));

        Assert.Equal(["approver", "expires", "justification"], rejected.Errors.Select(error => error.Field).Order().ToList());
    }

    [Theory]
    [InlineData("cto", null)]
    [InlineData("sam", "approver")]
    [InlineData("user:SAM", "approver")]
    [InlineData(" Sam ", "approver")]
    public void The_approver_is_never_the_one_asking(string approver, string? refusedField)
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));

        var outcome = Samples.Decide(state, new WaiveTrait(Accepted with { Approver = approver }));

        Assert.Equal(refusedField, (outcome as CommandOutcome<ServiceState>.Rejected)?.Errors.Single().Field);
    }

    [Fact]
    public void A_trait_no_policy_defines_is_refused_with_the_close_ids()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(state, new WaiveTrait(Accepted with { TraitId = "region" })));

        Assert.Equal(new FieldError("traitId", "no policy of the current set defines the trait 'region'; did you mean single-region?"), Assert.Single(rejected.Errors));
    }

    [Fact]
    public void Without_a_policy_set_nothing_can_be_waived()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(state, new WaiveTrait(Accepted), Samples.Context with { Policies = null }));

        Assert.Equal("traitId", Assert.Single(rejected.Errors).Field);
    }

    [Theory]
    [InlineData(2027, 11, 21, null)] // 365 days after 2026-11-21: the last day allowed
    [InlineData(2027, 11, 22, "expires")]
    [InlineData(2026, 11, 22, null)]
    [InlineData(2026, 11, 21, "expires")] // today
    public void A_waiver_ends_within_the_span_the_policy_set_allows(int year, int month, int day, string? refusedField)
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));

        var outcome = Samples.Decide(state, new WaiveTrait(Accepted with { Expires = new DateOnly(year, month, day) }));

        Assert.Equal(refusedField, (outcome as CommandOutcome<ServiceState>.Rejected)?.Errors.Single().Field);
    }

    [Fact]
    public void The_span_is_policy_data()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")));
        var shortSpan = Samples.Context with { Policies = Samples.Policies with { Waivers = new WaiverRules(30) } };

        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(state, new WaiveTrait(Accepted with { Expires = new DateOnly(2026, 12, 22) }), shortSpan));

        Assert.Equal(new FieldError("expires", "must be within 30 days of today (at the latest 2026-12-21), was 2026-12-22"), Assert.Single(rejected.Errors));
    }

    [Fact]
    public void Reimporting_a_service_keeps_its_waivers()
    {
        var define = new DefineService(Samples.Profile("api"));
        var waived = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(Samples.Created(define), new WaiveTrait(Accepted))).State;

        var reimported = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(waived, define with { Footprint = new Footprint(2, 2, 1, 1) })).State;

        Assert.Single(reimported.Waivers);
    }

    [Fact]
    public void A_revoked_waiver_is_gone_and_revoking_a_missing_one_is_refused()
    {
        var waived = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(Samples.Created(new DefineService(Samples.Profile("api"))), new WaiveTrait(Accepted))).State;

        var revoked = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(waived, new RevokeWaiver("single-region"))).State;

        Assert.Empty(revoked.Waivers);
        Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(revoked, new RevokeWaiver("single-region")));
    }

    [Fact]
    public void A_waiver_applies_through_its_expiry_day_and_only_when_approved()
    {
        Assert.True(Accepted.AppliesOn(new DateOnly(2027, 3, 31)));
        Assert.False(Accepted.AppliesOn(new DateOnly(2027, 4, 1)));
        Assert.False((Accepted with { Status = WaiverStatus.Requested }).AppliesOn(new DateOnly(2027, 3, 31)));
        Assert.False((Accepted with { Status = WaiverStatus.Rejected }).AppliesOn(new DateOnly(2027, 3, 31)));
    }
}
