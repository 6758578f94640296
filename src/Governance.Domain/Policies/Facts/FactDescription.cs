namespace Governance.Domain.Policies;

/// <summary>Where a fact's value comes from, and so where a condition may use it.</summary>
public enum FactScope
{
    /// <summary>The service's profile, footprint, stores, operational facts and tier target.</summary>
    Service,

    /// <summary>The service's place in the dependency graph, computed for the whole fleet.</summary>
    Graph,

    /// <summary>One of the service's dependencies, inside a condition over <c>dependencies</c>.</summary>
    Edge,

    /// <summary>The service a dependency points at, inside a condition over <c>dependencies</c>.</summary>
    Target,

    /// <summary>One of the service's data stores, inside a condition over <c>dataStores</c>.</summary>
    Store,
}

/// <summary>One fact policies can test: its name, type, scope and meaning.</summary>
public sealed record FactDescription(string Name, FactType Type, FactScope Scope, string Meaning)
{
    /// <summary>How evidence shows the fact when its value is unknown.</summary>
    public string UnknownAs { get; init; } = "unknown";

    /// <summary>The collection the fact belongs to; null for service and graph facts, which are usable everywhere.</summary>
    public FactCollection? Collection => Scope switch
    {
        FactScope.Edge or FactScope.Target => FactCollection.Dependencies,
        FactScope.Store => FactCollection.DataStores,
        _ => null,
    };
}
