using System.Globalization;
using Governance.Domain.Catalog;
using Governance.Domain.Serialization;

namespace Governance.Domain.Policies;

/// <summary>The kinds of value facts and literals have.</summary>
public enum FactType
{
    Text,
    Number,
    Bool,

    /// <summary>A unit of failure, ordered host &lt; zone &lt; region &lt; provider &lt; none.</summary>
    Unit,

    /// <summary>A calendar day.</summary>
    Date,

    /// <summary>A list of text values.</summary>
    List,

    /// <summary>A span of time, only ever a literal: the operand of <c>olderThan</c> and <c>within</c>.</summary>
    Duration,
}

/// <summary>
/// A typed literal. Every type but text is held as one number, so comparisons need no boxing: a bool as 0 or 1, a unit
/// of failure as its rank, a date as its day number, a duration in minutes.
/// </summary>
public sealed record FactValue
{
    private const int SmallNumbers = 1024;

    // Evidence is mostly small counts, timeouts and percentages: their text is made once.
    private static readonly string[] _smallNumbers = [.. Enumerable.Range(0, SmallNumbers).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    private FactValue(FactType type, double number, string? text)
    {
        Type = type;
        Number = number;
        Text = text;
    }

    public FactType Type { get; }

    /// <summary>The value as a number, for every type but text.</summary>
    public double Number { get; }

    /// <summary>The value of a text literal.</summary>
    public string? Text { get; }

    public static FactValue Of(double number) => new(FactType.Number, number, null);

    public static FactValue Of(bool value) => new(FactType.Bool, value ? 1 : 0, null);

    public static FactValue Of(UnitOfFailure unit) => new(FactType.Unit, (int)unit, null);

    public static FactValue Of(DateOnly date) => new(FactType.Date, date.DayNumber, null);

    public static FactValue Of(string text) => new(FactType.Text, 0, text);

    public static FactValue Minutes(int minutes) => new(FactType.Duration, minutes, null);

    public override string ToString() => Type == FactType.Text ? Text ?? string.Empty : Format(Type, Number);

    /// <summary>How a value of <paramref name="type"/> held as <paramref name="number"/> is written in policies and evidence.</summary>
    public static string Format(FactType type, double number) => type switch
    {
        FactType.Bool => number != 0 ? "true" : "false",
        FactType.Unit => KebabNames<UnitOfFailure>.Of((UnitOfFailure)(int)number),
        FactType.Date => DateOnly.FromDayNumber((int)number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FactType.Duration => FormatMinutes((int)number),
        _ => number is >= 0 and < SmallNumbers && number == Math.Floor(number) ? _smallNumbers[(int)number] : number.ToString(CultureInfo.InvariantCulture),
    };

    private static string FormatMinutes(int minutes) => minutes switch
    {
        _ when minutes % (7 * 1440) == 0 && minutes != 0 => $"{minutes / (7 * 1440)}w",
        _ when minutes % 1440 == 0 && minutes != 0 => $"{minutes / 1440}d",
        _ when minutes % 60 == 0 && minutes != 0 => $"{minutes / 60}h",
        _ => $"{minutes}m",
    };
}
