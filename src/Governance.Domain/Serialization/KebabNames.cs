using System.Text.Json;

namespace Governance.Domain.Serialization;

/// <summary>The kebab-case names of an enumeration's values, as policies and the domain's JSON write them; computed once.</summary>
public static class KebabNames<T>
    where T : struct, Enum
{
    private static readonly T[] _values = Enum.GetValues<T>();
    private static readonly string[] _names = [.. _values.Select(value => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()))];

    public static IReadOnlyList<string> All => _names;

    /// <summary>All names, in declaration order, for messages that list the allowed values.</summary>
    public static string Allowed { get; } = string.Join(", ", _names);

    /// <summary>The values, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<T> Values => _values;

    public static string Of(T value)
    {
        var index = Array.IndexOf(_values, value);
        return index >= 0 ? _names[index] : value.ToString();
    }

    /// <summary>The value named <paramref name="text"/>, in any case.</summary>
    public static bool TryParse(string text, out T value)
    {
        var index = Array.FindIndex(_names, name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        value = index >= 0 ? _values[index] : default;
        return index >= 0;
    }
}
