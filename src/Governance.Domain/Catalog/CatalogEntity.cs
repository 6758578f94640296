using System.Text.Json.Serialization;

namespace Governance.Domain.Catalog;

/// <summary>The catalog kinds that are not services but that services refer to.</summary>
public static class EntityKinds
{
    public const string Group = "group";
    public const string User = "user";
    public const string System = "system";
    public const string Domain = "domain";
    public const string Api = "api";

    public static readonly IReadOnlyList<string> All = [Group, User, System, Domain, Api];
}

/// <summary>A team, person, system, domain or API: something a service is owned by, part of, or provides.</summary>
public sealed record CatalogEntity(string Kind, string Id, string Name)
{
    public string? Description { get; init; }

    /// <summary>Owner reference (systems, domains, APIs).</summary>
    public string? Owner { get; init; }

    /// <summary>The parent group of a group, the domain of a system, the system of an API.</summary>
    public string? Parent { get; init; }

    /// <summary>Group type (team, organization, …), API type (openapi, grpc, …).</summary>
    public string? Type { get; init; }

    public string? Email { get; init; }

    /// <summary>Groups a user belongs to.</summary>
    public IReadOnlyList<string> MemberOf { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The subject under which its history is kept.</summary>
    [JsonIgnore]
    public string Subject => $"{Kind}:{Id}";

    /// <summary>Checks the entity's own rules.</summary>
    public IEnumerable<FieldError> Validate()
    {
        if (!EntityKinds.All.Contains(Kind))
        {
            yield return new FieldError("kind", $"unknown kind '{Kind}'; expected one of {string.Join(", ", EntityKinds.All)}");
        }

        if (!EntityRefs.IsValidId(Id))
        {
            yield return new FieldError("id", $"'{Id}' is not a valid id: use lower-case letters, digits and - _ . : /");
        }
    }
}
