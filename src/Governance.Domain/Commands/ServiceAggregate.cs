using Governance.Domain.Catalog;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;

namespace Governance.Domain.Commands;

/// <summary>The rules of one service: applies a command to the service's latest state (null when it does not exist yet).</summary>
public static class ServiceAggregate
{
    /// <summary>Decides what <paramref name="command"/> does to <paramref name="current"/> at time <paramref name="now"/>.</summary>
    public static CommandOutcome<ServiceState> Decide(ServiceState? current, ServiceCommand command, DateTimeOffset now)
    {
        var next = command switch
        {
            DefineService define => Define(current, define),
            OpenRemediationItem open => current is null ? NoSuchService : Open(current, open.Item),
            ChangeRemediationStatus change => current is null ? NoSuchService : ChangeStatus(current, change, now),
            WaiveTrait waive => current is null ? NoSuchService : Waive(current, waive.Waiver, now),
            RevokeWaiver revoke => current is null ? NoSuchService : Revoke(current, revoke.TraitId),
            _ => Refuse($"unknown command {command.GetType().Name}"),
        };
        return next is Proposal.Refused refused
            ? new CommandOutcome<ServiceState>.Rejected(refused.Errors)
            : Settle(current, Normalize(((Proposal.Changed)next).State));
    }

    private static Proposal.Refused NoSuchService => Refuse("the service does not exist", "id");

    private static CommandOutcome<ServiceState> Settle(ServiceState? current, ServiceState next)
    {
        var errors = next.Validate();
        if (errors.Count > 0)
        {
            return new CommandOutcome<ServiceState>.Rejected(errors);
        }

        return current is not null && DomainJson.Serialize(current) == DomainJson.Serialize(next)
            ? new CommandOutcome<ServiceState>.Unchanged(current)
            : new CommandOutcome<ServiceState>.Accepted(next);
    }

    private static Proposal Define(ServiceState? current, DefineService define)
    {
        var items = UpsertItems(current?.RemediationItems ?? [], define.RemediationItems ?? []);
        if (define.Mode == DefinitionMode.Replace || current is null)
        {
            return new Proposal.Changed(new ServiceState(define.Profile)
            {
                Footprint = define.Footprint,
                DataStores = define.DataStores ?? [],
                Facts = define.Facts ?? OperationalFacts.Unknown,
                Dependencies = define.Dependencies ?? [],
                RemediationItems = items,
                Waivers = current?.Waivers ?? [],
            });
        }

        return new Proposal.Changed(current with
        {
            Profile = define.Profile.MergeOver(current.Profile),
            Footprint = define.Footprint ?? current.Footprint,
            DataStores = define.DataStores ?? current.DataStores,
            Facts = define.Facts ?? current.Facts,
            Dependencies = define.Dependencies is { } edges ? KeepKnownAttributes(current.Dependencies, edges) : current.Dependencies,
            RemediationItems = items,
        });
    }

    private static IReadOnlyList<Dependency> KeepKnownAttributes(IReadOnlyList<Dependency> known, IReadOnlyList<Dependency> targets)
    {
        var byTarget = known.ToDictionary(edge => edge.Target, StringComparer.Ordinal);
        return [.. targets.Select(edge => byTarget.GetValueOrDefault(edge.Target) ?? edge)];
    }

    private static IReadOnlyList<RemediationItem> UpsertItems(IReadOnlyList<RemediationItem> existing, IReadOnlyList<RemediationItem> incoming)
    {
        var incomingIds = incoming.Select(item => item.Id).ToHashSet(StringComparer.Ordinal);
        return [.. existing.Where(item => !incomingIds.Contains(item.Id)).Concat(incoming)];
    }

    private static Proposal Open(ServiceState state, RemediationItem item) =>
        state.RemediationItems.Any(existing => existing.Id == item.Id)
            ? Refuse($"remediation item '{item.Id}' already exists on {state.Id}", "item.id")
            : new Proposal.Changed(state with { RemediationItems = [.. state.RemediationItems, item] });

    private static Proposal ChangeStatus(ServiceState state, ChangeRemediationStatus change, DateTimeOffset now)
    {
        var item = state.RemediationItems.FirstOrDefault(existing => existing.Id == change.ItemId);
        if (item is null)
        {
            return Refuse($"no remediation item '{change.ItemId}' on {state.Id}", "itemId");
        }

        if (item.Status == change.Status)
        {
            return new Proposal.Changed(state);
        }

        var changed = item with
        {
            Status = change.Status,
            CompletedAt = change.Status == RemediationStatus.Done ? now : null,
        };
        return new Proposal.Changed(state with { RemediationItems = [.. state.RemediationItems.Select(existing => existing.Id == item.Id ? changed : existing)] });
    }

    private static Proposal Waive(ServiceState state, Waiver waiver, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new List<FieldError>();
        Require(errors, waiver.TraitId, "traitId");
        Require(errors, waiver.Justification, "justification");
        Require(errors, waiver.Approver, "approver");
        if (waiver.Expires <= today)
        {
            errors.Add(new FieldError("expires", $"must be after today ({today:yyyy-MM-dd}), was {waiver.Expires:yyyy-MM-dd}"));
        }

        return errors.Count > 0
            ? new Proposal.Refused(errors)
            : new Proposal.Changed(state with { Waivers = [.. state.Waivers.Where(existing => existing.TraitId != waiver.TraitId), waiver with { GrantedAt = now }] });
    }

    private static Proposal Revoke(ServiceState state, string traitId) =>
        state.Waivers.Any(waiver => waiver.TraitId == traitId)
            ? new Proposal.Changed(state with { Waivers = [.. state.Waivers.Where(waiver => waiver.TraitId != traitId)] })
            : Refuse($"no waiver of '{traitId}' on {state.Id}", "traitId");

    private static void Require(List<FieldError> errors, string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, "is required"));
        }
    }

    private static ServiceState Normalize(ServiceState state) => state with
    {
        Dependencies = [.. state.Dependencies.OrderBy(edge => edge.Target, StringComparer.Ordinal)],
        RemediationItems = [.. state.RemediationItems.OrderBy(item => item.Id, StringComparer.Ordinal)],
        Waivers = [.. state.Waivers.OrderBy(waiver => waiver.TraitId, StringComparer.Ordinal)],
    };

    private static Proposal.Refused Refuse(string message, string field = "command") => new([new FieldError(field, message)]);

    /// <summary>The state a command proposes, before validation, or why it cannot propose one.</summary>
    private abstract record Proposal
    {
        public sealed record Changed(ServiceState State) : Proposal;

        public sealed record Refused(IReadOnlyList<FieldError> Errors) : Proposal;
    }
}
