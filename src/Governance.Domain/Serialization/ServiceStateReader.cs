using System.Text.Json;
using Governance.Domain.Catalog;
using Governance.Domain.Remediation;

namespace Governance.Domain.Serialization;

/// <summary>
/// Reads a service state's JSON, in the shape <see cref="DomainJson.Options"/> writes, straight off the UTF-8 bytes: the
/// fleet-wide read turns 100,000 of them into states, where the serializer's metadata, buffering and spare list capacity
/// cost more than the reading. Missing properties keep the records' own defaults; unknown ones are skipped.
/// </summary>
internal static class ServiceStateReader
{
    // An edge as constructed: its values are what a missing property means.
    private static readonly Dependency DefaultEdge = new(string.Empty);

    /// <summary>The state in <paramref name="utf8Json"/>.</summary>
    /// <exception cref="JsonException">The JSON is malformed or does not have the shape of a service state.</exception>
    public static ServiceState Read(ReadOnlySpan<byte> utf8Json) => JsonValues.ReadWhole(utf8Json, State, "service state");

    private static ServiceState State(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        ServiceProfile? profile = null;
        Footprint? footprint = null;
        IReadOnlyList<DataStore> stores = [];
        var facts = OperationalFacts.Unknown;
        IReadOnlyList<Dependency> dependencies = [];
        IReadOnlyList<RemediationItem> items = [];
        IReadOnlyList<Waiver> waivers = [];
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("profile"u8))
            {
                profile = reader.NextObject(ServiceProfileReader.Profile);
            }
            else if (reader.ValueTextEquals("footprint"u8))
            {
                footprint = reader.NextObject(Footprint);
            }
            else if (reader.ValueTextEquals("dataStores"u8))
            {
                stores = reader.NextArray(DataStore);
            }
            else if (reader.ValueTextEquals("facts"u8))
            {
                facts = reader.NextObject(OperationalFactsReader.Facts) ?? OperationalFacts.Unknown;
            }
            else if (reader.ValueTextEquals("dependencies"u8))
            {
                dependencies = reader.NextArray(Dependency);
            }
            else if (reader.ValueTextEquals("remediationItems"u8))
            {
                items = reader.NextArray(Serialized<RemediationItem>);
            }
            else if (reader.ValueTextEquals("waivers"u8))
            {
                waivers = reader.NextArray(Serialized<Waiver>);
            }
            else
            {
                reader.Skip();
            }
        }

        return new ServiceState(profile ?? throw new JsonException("a service state needs a profile"))
        {
            Footprint = footprint,
            DataStores = stores,
            Facts = facts,
            Dependencies = dependencies,
            RemediationItems = items,
            Waivers = waivers,
        };
    }

    private static Footprint Footprint(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        int hosts = 0, zones = 0, regions = 0, providers = 0;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("hosts"u8))
            {
                hosts = reader.NextInt();
            }
            else if (reader.ValueTextEquals("zones"u8))
            {
                zones = reader.NextInt();
            }
            else if (reader.ValueTextEquals("regions"u8))
            {
                regions = reader.NextInt();
            }
            else if (reader.ValueTextEquals("providers"u8))
            {
                providers = reader.NextInt();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Footprint(hosts, zones, regions, providers);
    }

    private static DataStore DataStore(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        string? name = null, engine = null;
        var primitive = default(AvailabilityPrimitive);
        UnitOfFailure? overridden = null;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = reader.NextString();
            }
            else if (reader.ValueTextEquals("engine"u8))
            {
                engine = reader.NextString();
            }
            else if (reader.ValueTextEquals("primitive"u8))
            {
                primitive = reader.NextEnum<AvailabilityPrimitive>();
            }
            else if (reader.ValueTextEquals("unitOfFailureOverride"u8))
            {
                overridden = reader.NextNullableEnum<UnitOfFailure>();
            }
            else
            {
                reader.Skip();
            }
        }

        return new DataStore(name!, engine!, primitive) { UnitOfFailureOverride = overridden };
    }

    private static Dependency Dependency(ref Utf8JsonReader reader)
    {
        reader.ExpectObject();
        var edge = DefaultEdge;
        string? target = null;
        bool criticalPath = edge.CriticalPath, synchronous = edge.Synchronous, clientCache = edge.ClientCache;
        bool degradation = edge.GracefulDegradation, breaker = edge.CircuitBreaker;
        int? timeout = edge.TimeoutMs;
        var retries = edge.Retries;
        while (reader.NextProperty())
        {
            if (reader.ValueTextEquals("target"u8))
            {
                target = reader.NextString();
            }
            else if (reader.ValueTextEquals("criticalPath"u8))
            {
                criticalPath = reader.NextBool();
            }
            else if (reader.ValueTextEquals("synchronous"u8))
            {
                synchronous = reader.NextBool();
            }
            else if (reader.ValueTextEquals("timeoutMs"u8))
            {
                timeout = reader.NextNullableInt();
            }
            else if (reader.ValueTextEquals("clientCache"u8))
            {
                clientCache = reader.NextBool();
            }
            else if (reader.ValueTextEquals("gracefulDegradation"u8))
            {
                degradation = reader.NextBool();
            }
            else if (reader.ValueTextEquals("retries"u8))
            {
                retries = reader.NextInt();
            }
            else if (reader.ValueTextEquals("circuitBreaker"u8))
            {
                breaker = reader.NextBool();
            }
            else
            {
                reader.Skip();
            }
        }

        return new Dependency(target!)
        {
            CriticalPath = criticalPath,
            Synchronous = synchronous,
            TimeoutMs = timeout,
            ClientCache = clientCache,
            GracefulDegradation = degradation,
            Retries = retries,
            CircuitBreaker = breaker,
        };
    }

    // Rare in a fleet read (remediation items, waivers): the serializer reads them, one item at a time.
    private static T Serialized<T>(ref Utf8JsonReader reader) =>
        JsonSerializer.Deserialize<T>(ref reader, DomainJson.Options) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");
}
