using System.Text.Json;

namespace Governance.Integrations.Import;

/// <summary>The kebab-case names of an enumeration's values, as the fleet format and the domain's JSON write them.</summary>
internal static class EnumNames<T>
    where T : struct, Enum
{
    private static readonly T[] _values = Enum.GetValues<T>();
    private static readonly string[] _names = [.. _values.Select(value => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString()))];

    /// <summary>All names, in declaration order, for messages that list the allowed values.</summary>
    public static string Allowed { get; } = string.Join(", ", _names);

    public static string Name(T value) => _names[Array.IndexOf(_values, value)];

    public static bool TryParse(string text, out T value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                value = _values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}
