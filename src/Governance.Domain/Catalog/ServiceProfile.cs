using System.Collections.ObjectModel;

namespace Governance.Domain.Catalog;

/// <summary>A service's identity and ownership: who runs it, how critical it is, where its code and runbook are.</summary>
public sealed record ServiceProfile(string Id, string Name)
{
    public const int MostCriticalTier = 0;
    public const int LeastCriticalTier = 3;

    /// <summary>The catalog kind it came from: <c>component</c> (code) or <c>resource</c> (infrastructure such as a database).</summary>
    public string Kind { get; init; } = "component";

    /// <summary>What it is: service, website, library, database, queue, …</summary>
    public string? Type { get; init; }

    public string? Description { get; init; }

    /// <summary>The owning team, as a reference to a group (or <c>user:NAME</c>).</summary>
    public string? Owner { get; init; }

    /// <summary>0 = on the critical path of customer traffic … 3 = internal tooling; null until classified.</summary>
    public int? Tier { get; init; }

    /// <summary>experimental, production or deprecated (Backstage's well-known values; others are kept as given).</summary>
    public string? Lifecycle { get; init; }

    /// <summary>The system (group of services) it belongs to.</summary>
    public string? System { get; init; }

    public IReadOnlyList<string> Products { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> ProvidesApis { get; init; } = [];

    /// <summary>Services that depend on this one, declared from this end (Backstage's <c>spec.dependencyOf</c>).</summary>
    public IReadOnlyList<string> DependencyOf { get; init; } = [];

    public string? Repository { get; init; }

    public string? Runbook { get; init; }

    /// <summary>The on-call rotation or paging target.</summary>
    public string? OnCall { get; init; }

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Checks the profile's own rules.</summary>
    public IEnumerable<FieldError> Validate()
    {
        if (!EntityRefs.IsValidId(Id))
        {
            yield return new FieldError("id", $"'{Id}' is not a valid id: use lower-case letters, digits and - _ . : /");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new FieldError("name", "is required");
        }

        var callers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < DependencyOf.Count; i++)
        {
            if (!EntityRefs.IsValidId(DependencyOf[i]) || DependencyOf[i] == Id)
            {
                yield return new FieldError($"dependencyOf[{i}]", $"'{DependencyOf[i]}' is not another service's id");
            }
            else if (!callers.Add(DependencyOf[i]))
            {
                yield return new FieldError($"dependencyOf[{i}]", $"'{DependencyOf[i]}' is listed twice");
            }
        }

        if (Tier is < MostCriticalTier or > LeastCriticalTier)
        {
            yield return new FieldError("tier", $"must be between {MostCriticalTier} and {LeastCriticalTier}, was {Tier}");
        }
    }

    /// <summary>This profile laid over <paramref name="existing"/>: what this one leaves unset keeps the existing value.</summary>
    public ServiceProfile MergeOver(ServiceProfile existing) => this with
    {
        Type = Type ?? existing.Type,
        Description = Description ?? existing.Description,
        Owner = Owner ?? existing.Owner,
        Tier = Tier ?? existing.Tier,
        Lifecycle = Lifecycle ?? existing.Lifecycle,
        System = System ?? existing.System,
        Products = Products.Count > 0 ? Products : existing.Products,
        Tags = Tags.Count > 0 ? Tags : existing.Tags,
        ProvidesApis = ProvidesApis.Count > 0 ? ProvidesApis : existing.ProvidesApis,
        DependencyOf = DependencyOf.Count > 0 ? DependencyOf : existing.DependencyOf,
        Repository = Repository ?? existing.Repository,
        Runbook = Runbook ?? existing.Runbook,
        OnCall = OnCall ?? existing.OnCall,
        Annotations = Annotations.Count > 0 ? Annotations : existing.Annotations,
    };
}
