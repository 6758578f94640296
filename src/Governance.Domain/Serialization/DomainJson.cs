using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Governance.Domain.Serialization;

/// <summary>The one JSON shape of states and commands: camelCase names, kebab-case enums, nulls left out.</summary>
public static class DomainJson
{
    public static readonly JsonSerializerOptions Options = Create(null);

    // The same shape, read through source-generated metadata where there is some. Only for reading: what is written
    // (and hashed into history) keeps going through Options.
    private static readonly JsonSerializerOptions GeneratedReadOptions =
        Create(JsonTypeInfoResolver.Combine(DomainJsonContext.Default, new DefaultJsonTypeInfoResolver()));

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    /// <summary>Reads UTF-8 JSON, the fastest way in for the many states of a fleet-wide read.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, GeneratedReadOptions) ?? throw new JsonException($"null where a {typeof(T).Name} was expected");

    private static JsonSerializerOptions Create(IJsonTypeInfoResolver? resolver)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
