using System.Text.Json.Serialization;

namespace Governance.Domain.Catalog;

/// <summary>The availability primitive a data store is built on (seed 004 offers three to its developers).</summary>
public enum AvailabilityPrimitive
{
    SingleInstance,
    InMemoryDistributed,
    DistributedQueue,
    ZoneReplicatedDatabase,
    RegionReplicatedDatabase,
    MultiProviderReplicated,
}

/// <summary>Where a service keeps data, and the unit of failure that store brings with it.</summary>
public sealed record DataStore(string Name, string Engine, AvailabilityPrimitive Primitive)
{
    /// <summary>Set when the store's real unit of failure differs from what its primitive usually gives.</summary>
    public UnitOfFailure? UnitOfFailureOverride { get; init; }

    /// <summary>The smallest unit whose loss takes the store down.</summary>
    [JsonIgnore]
    public UnitOfFailure UnitOfFailure => UnitOfFailureOverride ?? Primitive switch
    {
        AvailabilityPrimitive.SingleInstance => UnitOfFailure.Host,
        AvailabilityPrimitive.InMemoryDistributed => UnitOfFailure.Zone,
        AvailabilityPrimitive.DistributedQueue => UnitOfFailure.Region,
        AvailabilityPrimitive.ZoneReplicatedDatabase => UnitOfFailure.Region,
        AvailabilityPrimitive.RegionReplicatedDatabase => UnitOfFailure.Provider,
        _ => UnitOfFailure.None,
    };
}
