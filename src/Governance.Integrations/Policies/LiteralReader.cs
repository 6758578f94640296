using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Domain.Catalog;
using Governance.Domain.Policies;
using Governance.Domain.Serialization;
using Governance.Integrations.Import;

namespace Governance.Integrations.Policies;

/// <summary>Reads a literal as the type its comparison expects, reporting a value that is not one.</summary>
internal sealed partial class LiteralReader(FieldReader reader)
{
    private const int MinutesPerHour = 60;
    private const int MinutesPerDay = 24 * MinutesPerHour;

    /// <summary>The value of <paramref name="scalar"/> as a <paramref name="type"/>; null, reported, when it is not one.</summary>
    public FactValue? Read(YamlScalar scalar, string path, FactType type)
    {
        if (scalar.IsNull)
        {
            reader.Error(scalar, path, $"needs a {Comparisons.Describe(type)} value, was null");
            return null;
        }

        var text = scalar.Value;
        var (value, expected) = type switch
        {
            FactType.Number => (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? FactValue.Of(number) : null, "a number"),
            FactType.Bool => (text switch
            {
                "true" or "True" or "TRUE" => FactValue.Of(true),
                "false" or "False" or "FALSE" => FactValue.Of(false),
                _ => null,
            }, "true or false"),
            FactType.Unit => (KebabNames<UnitOfFailure>.TryParse(text, out var unit) ? FactValue.Of(unit) : null,
                $"a unit of failure: {KebabNames<UnitOfFailure>.Allowed}"),
            FactType.Date => (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? FactValue.Of(date) : null, "a date YYYY-MM-DD"),
            FactType.Duration => (Duration(text), "a duration: a whole number and a unit, like 30m, 12h, 90d or 26w"),
            _ => (FactValue.Of(text), "text"),
        };

        if (value is null)
        {
            reader.Error(scalar, path, $"must be {expected}, was {scalar.Describe}");
        }

        return value;
    }

    private static FactValue? Duration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups[2].Value switch
        {
            "m" => amount,
            "h" => amount * MinutesPerHour,
            "d" => amount * MinutesPerDay,
            _ => amount * 7 * MinutesPerDay,
        };
        return FactValue.Minutes(minutes);
    }

    // Up to five digits keep even weeks inside an int of minutes.
    [GeneratedRegex("^([0-9]{1,5})([mhdw])$")]
    private static partial Regex DurationPattern();
}
