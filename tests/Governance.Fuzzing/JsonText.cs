using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Governance.Fuzzing;

/// <summary>
/// Writes a YAML tree as JSON, one member or item a line so that the line mutations apply to it too. A plain scalar that
/// reads as a number, boolean or null is written as one; huge numbers stay the digits they are.
/// </summary>
internal static partial class JsonText
{
    public static string Write(YamlNode node)
    {
        var text = new StringBuilder();
        Write(node, text, 0);
        return text.ToString();
    }

    private static void Write(YamlNode node, StringBuilder text, int indent)
    {
        switch (node)
        {
            case YamlMappingNode map:
                text.Append('{');
                var first = true;
                foreach (var (key, child) in map.Children)
                {
                    text.Append(first ? "\n" : ",\n").Append(' ', indent + 2);
                    String(key is YamlScalarNode name ? name.Value ?? string.Empty : "?", text);
                    text.Append(": ");
                    Write(child, text, indent + 2);
                    first = false;
                }

                text.Append(first ? "}" : "\n" + new string(' ', indent) + "}");
                break;
            case YamlSequenceNode sequence:
                text.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    text.Append(i == 0 ? "\n" : ",\n").Append(' ', indent + 2);
                    Write(sequence.Children[i], text, indent + 2);
                }

                text.Append(sequence.Children.Count == 0 ? "]" : "\n" + new string(' ', indent) + "]");
                break;
            case YamlScalarNode scalar:
                var value = scalar.Value ?? string.Empty;
                var plain = scalar.Style is ScalarStyle.Any or ScalarStyle.Plain;
                if (plain && (Number().IsMatch(value) || value is "true" or "false" or "null"))
                {
                    text.Append(value);
                }
                else if (plain && value is "" or "~")
                {
                    text.Append("null");
                }
                else
                {
                    String(value, text);
                }

                break;
        }
    }

    private static void String(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?([eE][+-]?\d+)?$")]
    private static partial Regex Number();
}
