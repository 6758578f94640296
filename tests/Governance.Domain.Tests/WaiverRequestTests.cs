using System.Text;
using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Serialization;

namespace Governance.Domain.Tests;

/// <summary>A waiver requested by one person and approved or rejected by another (Samples.Actor, user:sam, asks).</summary>
public sealed class WaiverRequestTests
{
    private static readonly RequestWaiver Request = new("single-region", "Second region lands in Q1", new DateOnly(2027, 3, 31));

    private static readonly DateTimeOffset Later = Samples.Now.AddDays(2);

    private static readonly Waiver AsRequested = new("single-region", "Second region lands in Q1", string.Empty, new DateOnly(2027, 3, 31))
    {
        Status = WaiverStatus.Requested,
        RequestedBy = "user:sam",
        RequestedAt = Samples.Now,
    };

    [Fact]
    public void A_request_is_recorded_with_who_asked_and_when_and_no_approver()
    {
        Assert.Equal(AsRequested, Assert.Single(Requested().Waivers));
    }

    [Fact]
    public void A_request_is_checked_like_a_waiver()
    {
        var rejected = Refused(Service(), new RequestWaiver("region", " ", new DateOnly(2026, 11, 21)));

        Assert.Equal(
            [
                new FieldError("justification", "is required"),
                new FieldError("traitId", "no policy of the current set defines the trait 'region'; did you mean single-region?"),
                new FieldError("expires", "must be after today (2026-11-21), was 2026-11-21"),
            ],
            rejected);
    }

    [Fact]
    public void Another_person_approves_a_request_and_it_is_recorded_with_the_approver_and_the_reason()
    {
        var approved = Accepted(Requested(), new ApproveWaiver("single-region", "The DR test passed"), By("user:cto", Later));

        var expected = AsRequested with
        {
            Status = WaiverStatus.Approved,
            Approver = "user:cto",
            GrantedAt = Later,
            DecidedBy = "user:cto",
            DecidedAt = Later,
            DecisionReason = "The DR test passed",
        };
        Assert.Equal(expected, Assert.Single(approved.Waivers));
    }

    [Theory]
    [InlineData("user:sam")]
    [InlineData("sam")]
    [InlineData("USER:Sam")]
    [InlineData(" Sam ")]
    public void The_requester_cannot_approve_their_own_request(string approver)
    {
        var rejected = Refused(Requested(), new ApproveWaiver("single-region"), By(approver, Later));

        Assert.Equal([new FieldError("approver", "must be someone other than the requester (user:sam): another person approves it")], rejected);
    }

    [Fact]
    public void A_request_whose_last_day_passed_while_it_waited_cannot_be_approved()
    {
        var rejected = Refused(Requested(), new ApproveWaiver("single-region"), By("cto", new DateTimeOffset(2027, 3, 31, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal([new FieldError("expires", "must be after today (2027-03-31), was 2027-03-31")], rejected);
    }

    [Fact]
    public void Only_a_request_can_be_approved_or_rejected()
    {
        var approved = Accepted(Requested(), new ApproveWaiver("single-region"), By("cto", Later));

        Assert.Equal([new FieldError("status", "the waiver of 'single-region' is approved; only a requested waiver can be approved")], Refused(approved, new ApproveWaiver("single-region"), By("cto", Later)));
        Assert.Equal([new FieldError("status", "the waiver of 'single-region' is approved; only a requested waiver can be rejected")], Refused(approved, new RejectWaiver("single-region", "no"), By("cto", Later)));
        Assert.Equal([new FieldError("traitId", "no waiver of 'slow-autoscaling' on api")], Refused(approved, new ApproveWaiver("slow-autoscaling"), By("cto", Later)));
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_is_recorded_with_who_rejected_it()
    {
        var blank = Refused(Requested(), new RejectWaiver("single-region", " "), By("cto", Later));
        var rejected = Accepted(Requested(), new RejectWaiver("single-region", "Fix it instead"), By("cto", Later));

        Assert.Equal([new FieldError("reason", "is required: say why the waiver is rejected")], blank);
        var expected = AsRequested with { Status = WaiverStatus.Rejected, DecidedBy = "cto", DecidedAt = Later, DecisionReason = "Fix it instead" };
        Assert.Equal(expected, Assert.Single(rejected.Waivers));
        Assert.Equal([new FieldError("status", "the waiver of 'single-region' is rejected; only a requested waiver can be approved")], Refused(rejected, new ApproveWaiver("single-region"), By("cto", Later)));
    }

    [Fact]
    public void The_requester_withdraws_a_request_by_rejecting_it()
    {
        var withdrawn = Accepted(Requested(), new RejectWaiver("single-region", "Not needed after all"), By("sam", Later));

        Assert.Equal((WaiverStatus.Rejected, "sam"), (Assert.Single(withdrawn.Waivers).Status, withdrawn.Waivers[0].DecidedBy));
    }

    [Fact]
    public void A_new_request_replaces_a_request_or_a_rejection_of_the_trait()
    {
        var rejected = Accepted(Requested(), new RejectWaiver("single-region", "Too long"), By("cto", Later));
        var shorter = Request with { Expires = new DateOnly(2027, 1, 31) };

        var again = Accepted(rejected, shorter, Samples.Context with { Now = Later });
        var replaced = Accepted(Requested(), shorter);

        Assert.Equal(AsRequested with { Expires = new DateOnly(2027, 1, 31), RequestedAt = Later }, Assert.Single(again.Waivers));
        Assert.Equal(AsRequested with { Expires = new DateOnly(2027, 1, 31) }, Assert.Single(replaced.Waivers));
    }

    [Fact]
    public void A_request_over_a_waiver_that_still_applies_is_refused_until_it_is_revoked()
    {
        var approved = Accepted(Requested(), new ApproveWaiver("single-region"), By("cto", Later));

        var refused = Refused(approved, Request, Samples.Context with { Now = Later });
        var afterRevoking = Accepted(Accepted(approved, new RevokeWaiver("single-region")), Request, Samples.Context with { Now = Later });

        Assert.Equal([new FieldError("traitId", "an approved waiver of 'single-region' applies until 2027-03-31; revoke it first to ask for another")], refused);
        Assert.Equal(WaiverStatus.Requested, Assert.Single(afterRevoking.Waivers).Status);
    }

    [Fact]
    public void Only_an_approved_waiver_is_revoked()
    {
        var rejected = Refused(Requested(), new RevokeWaiver("single-region"));

        Assert.Equal([new FieldError("status", "the waiver of 'single-region' is requested; only an approved waiver is revoked (a request is withdrawn by rejecting it)")], rejected);
    }

    [Fact]
    public void A_request_has_no_deadline_and_an_approved_waiver_does()
    {
        var approved = Accepted(Requested(), new ApproveWaiver("single-region"), By("cto", Later));

        Assert.Null(Deadlines.Next(Requested()));
        Assert.Empty(Deadlines.DueBy(Requested(), new DateOnly(2027, 4, 1)));
        Assert.Equal([new FieldError("traitId", "no approved waiver of 'single-region' on api")], Refused(Requested(), new RecordWaiverExpired("single-region"), By("system:deadlines", new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2027, 4, 1), Deadlines.Next(approved));
    }

    [Fact]
    public void A_waiver_stored_before_requests_existed_reads_as_approved()
    {
        const string Stored = """
            {"profile":{"id":"api","name":"API"},"waivers":[{"traitId":"single-region","justification":"Second region in Q1","approver":"cto","expires":"2027-03-31","grantedAt":"2026-11-01T09:00:00+00:00","requestedBy":"user:sam"}]}
            """;

        var read = Assert.Single(DomainJson.Deserialize<ServiceState>(Stored).Waivers);
        var fastRead = Assert.Single(DomainJson.ReadServiceState(Encoding.UTF8.GetBytes(Stored)).Waivers);

        var expected = new Waiver("single-region", "Second region in Q1", "cto", new DateOnly(2027, 3, 31))
        {
            GrantedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            RequestedBy = "user:sam",
        };
        Assert.Equal((WaiverStatus.Approved, expected, expected), (read.Status, read, fastRead));
        Assert.True(read.AppliesOn(new DateOnly(2027, 3, 31)));
    }

    [Fact]
    public void The_commands_travel_as_json_under_their_names()
    {
        ServiceCommand[] commands = [Request, new ApproveWaiver("single-region", "ok"), new ApproveWaiver("single-region"), new RejectWaiver("single-region", "no")];

        var json = commands.Select(command => DomainJson.Serialize(command)).ToList();

        Assert.Equal(
            [
                """{"command":"request-waiver","traitId":"single-region","justification":"Second region lands in Q1","expires":"2027-03-31","name":"request-waiver"}""",
                """{"command":"approve-waiver","traitId":"single-region","reason":"ok","name":"approve-waiver"}""",
                """{"command":"approve-waiver","traitId":"single-region","name":"approve-waiver"}""",
                """{"command":"reject-waiver","traitId":"single-region","reason":"no","name":"reject-waiver"}""",
            ],
            json);
        Assert.Equal(commands, json.Select(DomainJson.Deserialize<ServiceCommand>));
    }

    private static ServiceState Service() => Samples.Created(new DefineService(Samples.Profile("api")));

    private static ServiceState Requested() => Accepted(Service(), Request);

    private static CommandContext By(string actor, DateTimeOffset now) => Samples.Context with { Actor = actor, Now = now };

    private static ServiceState Accepted(ServiceState state, ServiceCommand command, CommandContext? context = null) =>
        Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(state, command, context)).State;

    private static IReadOnlyList<FieldError> Refused(ServiceState state, ServiceCommand command, CommandContext? context = null) =>
        Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(state, command, context)).Errors;
}
