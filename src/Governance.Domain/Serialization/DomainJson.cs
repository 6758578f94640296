using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Domain.Catalog;

namespace Governance.Domain.Serialization;

/// <summary>The one JSON shape of states and commands: camelCase names, kebab-case enums, nulls left out.</summary>
public static class DomainJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    /// <summary>Reads UTF-8 JSON, with no detour through UTF-16.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    /// <summary>Reads a service state's UTF-8 JSON the fastest way, for the many states of a fleet-wide read; repeated names are held once.</summary>
    /// <exception cref="JsonException">The JSON is not a service state.</exception>
    public static ServiceState ReadServiceState(ReadOnlySpan<byte> utf8Json) => ServiceStateReader.Read(utf8Json);

    /// <summary>Reads a catalog entity's UTF-8 JSON the way <see cref="ReadServiceState"/> reads a state.</summary>
    /// <exception cref="JsonException">The JSON is not a catalog entity.</exception>
    public static CatalogEntity ReadCatalogEntity(ReadOnlySpan<byte> utf8Json) => CatalogEntityReader.Read(utf8Json);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
