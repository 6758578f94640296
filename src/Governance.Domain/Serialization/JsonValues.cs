using System.Globalization;
using System.Text.Json;

namespace Governance.Domain.Serialization;

/// <summary>Reads one value (or array) of an item with the reader on its first token.</summary>
internal delegate T ValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>
/// The values of the domain's JSON shape, read straight off a <see cref="Utf8JsonReader"/>: the <c>Next…</c> methods move
/// from a property name to its value and convert it the way <see cref="DomainJson.Options"/> writes it.
/// </summary>
internal static class JsonValues
{
    // The shape DomainJson writes a DateOnly in.
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Names repeated across a fleet (teams, systems, tags, targets), held once.</summary>
    public static SharedStrings Shared { get; } = new();

    /// <summary>Reads all of <paramref name="utf8Json"/> as one <paramref name="what"/>; any failure is a <see cref="JsonException"/> that says where.</summary>
    public static T ReadWhole<T>(ReadOnlySpan<byte> utf8Json, ValueReader<T> read, string what)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            reader.Read();
            var value = read(ref reader);
            if (reader.Read())
            {
                throw new JsonException($"unexpected content after the {what}");
            }

            return value;
        }
        catch (Exception problem) when (problem is InvalidOperationException or FormatException or JsonException)
        {
            throw new JsonException($"not a {what} at byte {reader.TokenStartIndex}: {problem.Message}", problem);
        }
    }

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    public static bool NextProperty(this ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"expected a property name, found {reader.TokenType}"),
        };
    }

    /// <summary>Fails unless the reader is on the start of an object.</summary>
    public static void ExpectObject(this ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected an object, found {reader.TokenType}");
        }
    }

    public static string? NextString(this ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String when !reader.ValueIsEscaped && reader.ValueSpan.Length <= SharedStrings.MaxLength => Shared.Get(reader.ValueSpan),
            _ => reader.GetString(),
        };
    }

    public static string OnString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= SharedStrings.MaxLength
            ? Shared.Get(reader.ValueSpan)
            : reader.GetString() ?? throw new JsonException("expected a string, found null");

    public static int NextInt(this ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetInt32();
    }

    public static int? NextNullableInt(this ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
    }

    public static bool NextBool(this ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetBoolean();
    }

    public static bool? NextNullableBool(this ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean();
    }

    public static DateOnly? NextNullableDate(this ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : OnDate(ref reader);
    }

    public static DateOnly OnDate(ref Utf8JsonReader reader)
    {
        Span<char> text = stackalloc char[DateFormat.Length];
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length != DateFormat.Length || reader.CopyString(text) != DateFormat.Length
            || !DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new JsonException($"expected a date as {DateFormat}");
        }

        return date;
    }

    public static T NextEnum<T>(this ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        reader.Read();
        return OnEnum<T>(ref reader);
    }

    public static T? NextNullableEnum<T>(this ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : OnEnum<T>(ref reader);
    }

    public static T OnEnum<T>(ref Utf8JsonReader reader)
        where T : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var names = KebabNames<T>.All;
            for (var i = 0; i < names.Count; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    return KebabNames<T>.Values[i];
                }
            }
        }

        throw new JsonException($"expected one of {string.Join(", ", KebabNames<T>.All)}");
    }

    /// <summary>Moves to the value and reads it with <paramref name="read"/>; null stays null.</summary>
    public static T? NextObject<T>(this ref Utf8JsonReader reader, ValueReader<T> read)
        where T : class
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : read(ref reader);
    }

    /// <summary>Moves to an array and reads its items into an array of exactly their number; null or [] is the shared empty array.</summary>
    public static T[] NextArray<T>(this ref Utf8JsonReader reader, ValueReader<T> read)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected an array, found {reader.TokenType}");
        }

        // One list per thread and item type, lent out while in use, so reading allocates only the exact arrays.
        var items = Scratch<T>.Items ?? [];
        Scratch<T>.Items = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(read(ref reader));
        }

        var exact = items.ToArray();
        items.Clear();
        Scratch<T>.Items = items;
        return exact;
    }

    private static class Scratch<T>
    {
        [ThreadStatic]
        public static List<T>? Items;
    }
}
