using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Integrations.FleetFormat;

/// <summary>
/// Writes scalars so that any YAML reader reads back the same text: plain where that is unambiguous, double-quoted otherwise
/// (words YAML reads as null, booleans, numbers or dates; indicators; characters that end a plain scalar).
/// </summary>
internal static partial class YamlText
{
    /// <summary>The scalar as written in block context (a mapping value or a block-list item).</summary>
    public static string Block(string value) => IsPlainSafe(value, flow: false) ? value : Quote(value);

    /// <summary>The scalar as written inside <c>[ ]</c> or <c>{ }</c>, where commas, brackets and colons end a plain scalar.</summary>
    public static string Flow(string value) => IsPlainSafe(value, flow: true) ? value : Quote(value);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the offset kept; UTC is written with Z.</summary>
    public static string Time(DateTimeOffset time) => time.Offset == TimeSpan.Zero
        ? time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
        : time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    private static bool IsPlainSafe(string value, bool flow)
    {
        if (value.Length == 0 || !SafeCharacters().IsMatch(value) || value.EndsWith(':') || value.Contains(": ", StringComparison.Ordinal))
        {
            return false;
        }

        if (flow && value.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        return !Reserved().IsMatch(value);
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029' => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    // Starts with a letter, digit or one of _ . / and holds no indicator that could end or change a plain scalar.
    [GeneratedRegex(@"^[\p{L}\p{N}_./][\p{L}\p{N}_./@:+()=' -]*(?<! )$")]
    private static partial Regex SafeCharacters();

    // What YAML 1.1 or 1.2 readers take for null, a boolean, a number or a date.
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|\.(inf|Inf|INF|nan|NaN|NAN))$")]
    private static partial Regex Reserved();
}
