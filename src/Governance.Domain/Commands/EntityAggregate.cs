using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Domain.Commands;

/// <summary>The rules of one non-service catalog entity.</summary>
public static class EntityAggregate
{
    /// <summary>Decides what <paramref name="command"/>, sent to entity <paramref name="subject"/> (<c>kind:id</c>), does to <paramref name="current"/>.</summary>
    public static CommandOutcome<CatalogEntity> Decide(string subject, CatalogEntity? current, EntityCommand command)
    {
        if (command is DefineEntity misaddressed && misaddressed.Entity.Subject != subject)
        {
            return new CommandOutcome<CatalogEntity>.Rejected([new FieldError("id", $"the definition is of '{misaddressed.Entity.Subject}', but the command was sent to '{subject}'")]);
        }

        var next = command switch
        {
            DefineEntity define => define.Entity,
            _ => null,
        };
        if (next is null)
        {
            return new CommandOutcome<CatalogEntity>.Rejected([new FieldError("command", $"unknown command {command.GetType().Name}")]);
        }

        var errors = next.Validate().ToList();
        if (errors.Count > 0)
        {
            return new CommandOutcome<CatalogEntity>.Rejected(errors);
        }

        return current is not null && DomainJson.Serialize(current) == DomainJson.Serialize(next)
            ? new CommandOutcome<CatalogEntity>.Unchanged(current)
            : new CommandOutcome<CatalogEntity>.Accepted(next);
    }
}
