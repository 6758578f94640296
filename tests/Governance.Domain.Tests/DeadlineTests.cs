using Governance.Domain.Catalog;
using Governance.Domain.Commands;

namespace Governance.Domain.Tests;

public sealed class DeadlineTests
{
    private static readonly Waiver Waiver = new("single-region", "Second region lands in Q1", "cto", new DateOnly(2026, 11, 30));

    // Samples.Now is 2026-11-21; the waiver applies through 2026-11-30 and lapses on 2026-12-01.
    private static readonly CommandContext LaterContext = Samples.Context with { Now = new DateTimeOffset(2026, 12, 1, 0, 1, 0, TimeSpan.Zero) };

    [Fact]
    public void The_next_deadline_is_the_earliest_unrecorded_one()
    {
        var state = Waived() with { RemediationItems = [Samples.Item("A-1") with { Eta = new DateOnly(2026, 12, 10) }, Samples.Item("A-2", Remediation.RemediationStatus.Done) with { Eta = new DateOnly(2026, 1, 1) }] };

        Assert.Equal(new DateOnly(2026, 12, 1), Deadlines.Next(state));
        Assert.Equal([new RecordWaiverExpired("single-region")], Deadlines.DueBy(state, new DateOnly(2026, 12, 1)));
        Assert.Equal<ServiceCommand>([new RecordWaiverExpired("single-region"), new RecordItemOverdue("A-1")], Deadlines.DueBy(state, new DateOnly(2026, 12, 11)));
    }

    [Fact]
    public void An_expired_waiver_is_recorded_once()
    {
        var recorded = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(Waived(), new RecordWaiverExpired("single-region"), LaterContext)).State;

        Assert.Equal(LaterContext.Now, Assert.Single(recorded.Waivers).ExpiryRecordedAt);
        Assert.IsType<CommandOutcome<ServiceState>.Unchanged>(Samples.Decide(recorded, new RecordWaiverExpired("single-region"), LaterContext));
        Assert.Null(Deadlines.Next(recorded));
    }

    [Fact]
    public void A_waiver_that_still_applies_cannot_be_recorded_expired()
    {
        var rejected = Assert.IsType<CommandOutcome<ServiceState>.Rejected>(Samples.Decide(Waived(), new RecordWaiverExpired("single-region")));

        Assert.Equal(new FieldError("expires", "has not expired: the waiver applies through 2026-11-30"), Assert.Single(rejected.Errors));
    }

    [Fact]
    public void An_overdue_item_is_recorded_once_and_again_after_its_eta_moves()
    {
        var state = Samples.Created(new DefineService(Samples.Profile("api")) { RemediationItems = [Samples.Item("A-1") with { Eta = new DateOnly(2026, 11, 30) }] });

        var overdue = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(state, new RecordItemOverdue("A-1"), LaterContext)).State;
        Assert.IsType<CommandOutcome<ServiceState>.Unchanged>(Samples.Decide(overdue, new RecordItemOverdue("A-1"), LaterContext));
        var moved = Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(overdue, new ChangeRemediationItem("A-1") { Eta = new DateOnly(2026, 12, 15) }, LaterContext)).State;

        Assert.Null(Assert.Single(moved.RemediationItems).OverdueRecordedAt);
        Assert.Equal(new DateOnly(2026, 12, 16), Deadlines.Next(moved));
    }

    private static ServiceState Waived() =>
        Assert.IsType<CommandOutcome<ServiceState>.Accepted>(Samples.Decide(Samples.Created(new DefineService(Samples.Profile("api"))), new WaiveTrait(Waiver))).State;
}
