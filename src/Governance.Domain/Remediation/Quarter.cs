using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Domain.Remediation;

/// <summary>A calendar quarter, written <c>2021-Q3</c>.</summary>
[JsonConverter(typeof(QuarterJsonConverter))]
public readonly record struct Quarter(int Year, int Number)
{
    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The quarter holding <paramref name="date"/>.</summary>
    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>Parses <c>YYYY-QN</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 7 } || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'Q'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || text[6] is < '1' or > '4')
        {
            return false;
        }

        quarter = new Quarter(year, text[6] - '0');
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}

/// <summary>Writes a quarter as its <c>YYYY-QN</c> text.</summary>
public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Quarter.TryParse(text, out var quarter) ? quarter : throw new JsonException($"'{text}' is not a quarter like 2021-Q3");
    }

    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
