using Governance.Domain.Catalog;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;

namespace Governance.Domain.Commands;

/// <summary>The rules of one service: applies a command to the service's latest state (null when it does not exist yet).</summary>
public static class ServiceAggregate
{
    /// <summary>
    /// Decides what <paramref name="command"/>, sent to service <paramref name="id"/>, does to <paramref name="current"/>
    /// (null when the service does not exist yet), asked by <see cref="CommandContext.Actor"/> at <see cref="CommandContext.Now"/>.
    /// </summary>
    public static CommandOutcome<ServiceState> Decide(string id, ServiceState? current, ServiceCommand command, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var next = command switch
        {
            DefineService define when define.Profile.Id != id =>
                Refuse($"the definition is of '{define.Profile.Id}', but the command was sent to '{id}'", "id"),
            DefineService define => Define(current, define),
            _ when current is null => NoSuchService,
            OpenRemediationItem open => RemediationDecisions.Open(current, open.Item),
            ChangeRemediationStatus change => RemediationDecisions.Change(current, new ChangeRemediationItem(change.ItemId) { Status = change.Status }, context.Now),
            ChangeRemediationItem change => RemediationDecisions.Change(current, change, context.Now),
            WaiveTrait waive => WaiverDecisions.Waive(current, waive.Waiver, context),
            RequestWaiver request => WaiverDecisions.Request(current, request, context),
            ApproveWaiver approve => WaiverDecisions.Approve(current, approve, context),
            RejectWaiver reject => WaiverDecisions.Reject(current, reject, context),
            RevokeWaiver revoke => WaiverDecisions.Revoke(current, revoke.TraitId),
            RecordWaiverExpired expired => DeadlineDecisions.WaiverExpired(current, expired.TraitId, context.Now),
            RecordItemOverdue overdue => DeadlineDecisions.ItemOverdue(current, overdue.ItemId, context.Now),
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

    private static ServiceState Normalize(ServiceState state) => state with
    {
        Dependencies = [.. state.Dependencies.OrderBy(edge => edge.Target, StringComparer.Ordinal)],
        RemediationItems = [.. state.RemediationItems.OrderBy(item => item.Id, StringComparer.Ordinal)],
        Waivers = [.. state.Waivers.OrderBy(waiver => waiver.TraitId, StringComparer.Ordinal)],
    };

    private static Proposal.Refused Refuse(string message, string field = "command") => Proposal.Refuse(message, field);
}
