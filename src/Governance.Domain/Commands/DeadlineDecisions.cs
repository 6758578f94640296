using Governance.Domain.Catalog;

namespace Governance.Domain.Commands;

/// <summary>
/// The rules of a service's deadlines: a waiver's expiry and an outstanding item's due date are each recorded once, on or
/// after the day they pass; recording one again changes nothing.
/// </summary>
internal static class DeadlineDecisions
{
    public static Proposal WaiverExpired(ServiceState state, string traitId, DateTimeOffset now)
    {
        var waiver = state.Waivers.FirstOrDefault(candidate => candidate.TraitId == traitId && candidate.IsApproved);
        if (waiver is null)
        {
            return Proposal.Refuse($"no approved waiver of '{traitId}' on {state.Id}", "traitId");
        }

        if (waiver.ExpiryRecordedAt is not null)
        {
            return new Proposal.Changed(state);
        }

        if (Day(now) < waiver.LapsesOn)
        {
            return Proposal.Refuse($"has not expired: the waiver applies through {waiver.Expires:yyyy-MM-dd}", "expires");
        }

        var expired = waiver with { ExpiryRecordedAt = now };
        return new Proposal.Changed(state with { Waivers = [.. state.Waivers.Select(existing => existing.TraitId == traitId ? expired : existing)] });
    }

    public static Proposal ItemOverdue(ServiceState state, string itemId, DateTimeOffset now)
    {
        var item = state.RemediationItems.FirstOrDefault(candidate => candidate.Id == itemId);
        if (item is null)
        {
            return Proposal.Refuse($"no remediation item '{itemId}' on {state.Id}", "itemId");
        }

        if (!item.IsOutstanding || item.OverdueRecordedAt is not null)
        {
            return new Proposal.Changed(state);
        }

        if (item.OverdueFrom is not { } overdueFrom || Day(now) < overdueFrom)
        {
            return Proposal.Refuse(item.DueOn is { } due ? $"is not overdue: it is due {due:yyyy-MM-dd}" : "has no ETA or target quarter, so it cannot be overdue", "eta");
        }

        var overdue = item with { OverdueRecordedAt = now };
        return new Proposal.Changed(state with { RemediationItems = [.. state.RemediationItems.Select(existing => existing.Id == itemId ? overdue : existing)] });
    }

    private static DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);
}
