using Governance.Domain.Catalog;
using Governance.Domain.Commands;
using Governance.Domain.Serialization;

namespace Governance.Storage.Execution;

/// <summary>How one kind of aggregate decides a command, how the command is recorded, and where its changes are staged.</summary>
internal sealed record Aggregate<TState, TCommand>(
    Func<string, TState?, TCommand, CommandContext, CommandOutcome<TState>> Decide,
    Func<TCommand, string> Name,
    Func<TCommand, string> Payload,
    Func<ChangeSet, Dictionary<string, Tracked<TState>>> Staged)
    where TState : class;

/// <summary>The two aggregates the store keeps.</summary>
internal static class Aggregates
{
    // Serialised through the base type so that the payload carries the "command" discriminator.
    public static readonly Aggregate<ServiceState, ServiceCommand> Service = new(
        ServiceAggregate.Decide,
        command => command.Name,
        command => DomainJson.Serialize<ServiceCommand>(command),
        changes => changes.Services);

    public static readonly Aggregate<CatalogEntity, EntityCommand> Entity = new(
        (subject, current, command, _) => EntityAggregate.Decide(subject, current, command),
        command => command.Name,
        command => DomainJson.Serialize<EntityCommand>(command),
        changes => changes.Entities);
}
