using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Domain.Commands;

/// <summary>The rules of a service's remediation items: opened once by id, then moved through statuses, owners and ETAs.</summary>
internal static class RemediationDecisions
{
    public static Proposal Open(ServiceState state, RemediationItem item) =>
        state.RemediationItems.Any(existing => existing.Id == item.Id)
            ? Proposal.Refuse($"remediation item '{item.Id}' already exists on {state.Id}", "item.id")
            : new Proposal.Changed(state with { RemediationItems = [.. state.RemediationItems, item] });

    /// <summary>Applies the fields <paramref name="change"/> gives; done records the completion time, any other status clears it.</summary>
    public static Proposal Change(ServiceState state, ChangeRemediationItem change, DateTimeOffset now)
    {
        var item = state.RemediationItems.FirstOrDefault(existing => existing.Id == change.ItemId);
        if (item is null)
        {
            return Proposal.Refuse($"no remediation item '{change.ItemId}' on {state.Id}", "itemId");
        }

        if (change.Owner is { } owner && string.IsNullOrWhiteSpace(owner))
        {
            return Proposal.Refuse("cannot be blank; leave it out to keep the owner", "owner");
        }

        var changed = item with
        {
            Owner = change.Owner?.Trim() ?? item.Owner,
            Eta = change.Eta ?? item.Eta,

            // A new ETA is a new deadline: it may fall overdue, and be recorded, again.
            OverdueRecordedAt = change.Eta is { } eta && eta != item.Eta ? null : item.OverdueRecordedAt,
        };
        if (change.Status is { } status && status != item.Status)
        {
            changed = changed with { Status = status, CompletedAt = status == RemediationStatus.Done ? now : null };
        }

        return new Proposal.Changed(state with { RemediationItems = [.. state.RemediationItems.Select(existing => existing.Id == item.Id ? changed : existing)] });
    }
}
