using System.Text.Json.Serialization;
using Governance.Domain.Catalog;

namespace Governance.Domain.Commands;

/// <summary>A change asked of one non-service catalog entity (group, user, system, domain, API).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(DefineEntity), DefineEntity.CommandName)]
public abstract record EntityCommand
{
    [JsonIgnore]
    public abstract string Name { get; }
}

/// <summary>Creates or redefines a catalog entity; the definition replaces what was there.</summary>
public sealed record DefineEntity(CatalogEntity Entity) : EntityCommand
{
    public const string CommandName = "define-entity";

    public override string Name => CommandName;
}
