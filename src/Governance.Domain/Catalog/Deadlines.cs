using Governance.Domain.Commands;

namespace Governance.Domain.Catalog;

/// <summary>The days a service's state changes by itself: waivers lapse and outstanding items fall overdue.</summary>
public static class Deadlines
{
    /// <summary>The earliest deadline not yet recorded; null when there is none.</summary>
    public static DateOnly? Next(ServiceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Pending(state).Select(pending => (DateOnly?)pending.Day).Min();
    }

    /// <summary>The commands that record every deadline passed by <paramref name="today"/> and not yet recorded, earliest first.</summary>
    public static IReadOnlyList<ServiceCommand> DueBy(ServiceState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        return [.. Pending(state).Where(pending => pending.Day <= today).OrderBy(pending => pending.Day).Select(pending => pending.Command)];
    }

    private static IEnumerable<(DateOnly Day, ServiceCommand Command)> Pending(ServiceState state)
    {
        // A request or a rejection never applies, so it has no expiry to record.
        foreach (var waiver in state.Waivers.Where(waiver => waiver.IsApproved && waiver.ExpiryRecordedAt is null))
        {
            yield return (waiver.LapsesOn, new RecordWaiverExpired(waiver.TraitId));
        }

        foreach (var item in state.RemediationItems.Where(item => item.IsOutstanding && item.OverdueRecordedAt is null))
        {
            if (item.OverdueFrom is { } overdueFrom)
            {
                yield return (overdueFrom, new RecordItemOverdue(item.Id));
            }
        }
    }
}
