using System.Globalization;
using Governance.Domain.Remediation;
using Governance.Domain.Serialization;

namespace Governance.Integrations.Import;

/// <summary>
/// Reads typed values out of YAML mappings, reporting every ill-typed or missing field with its place and its path.
/// Paths are joined only when a problem is reported, so that reading a valid fleet allocates little.
/// </summary>
internal sealed class FieldReader(string file, List<ImportProblem> errors)
{
    public string File { get; } = file;

    public List<ImportProblem> Errors { get; } = errors;

    public static string Join(string path, string key) => path.Length == 0 ? KeyName(key) : $"{path}.{KeyName(key)}";

    // A blank key ('' or ' ') is quoted, so that a problem with it still names a field one can see.
    private static string KeyName(string key) => string.IsNullOrWhiteSpace(key) ? $"'{key}'" : key;

    public SourceLocation At(YamlNode node) => new(File, node.Line, node.Column);

    public void Error(YamlNode node, string field, string message) => Errors.Add(new ImportProblem(At(node), field, message));

    /// <summary>The node under <paramref name="key"/>, or null when it is absent or YAML null.</summary>
    public static YamlNode? Value(YamlMapping map, string key) => map.Get(key) is { } node && node is not YamlScalar { IsNull: true } ? node : null;

    /// <summary>The text of a scalar field without checking its type; null when absent, YAML null or not a scalar.</summary>
    public static string? Text(YamlMapping map, string key) => Value(map, key) is YamlScalar scalar ? scalar.Value : null;

    public string? String(YamlMapping map, string key, string path)
    {
        var node = Value(map, key);
        return node switch
        {
            null => null,
            YamlScalar scalar => scalar.Value,
            _ => Fail<string>(node, Join(path, key), $"must be a text value, was {node.Describe}"),
        };
    }

    public string RequiredString(YamlMapping map, string key, string path) =>
        Require(map, key, path) ? String(map, key, path) ?? string.Empty : string.Empty;

    /// <summary>Reports a required field that is absent or null, on its key when written, else on its mapping; true when it has a value.</summary>
    public bool Require(YamlMapping map, string key, string path)
    {
        if (Value(map, key) is not null)
        {
            return true;
        }

        Error(map.GetKey(key) as YamlNode ?? map, Join(path, key), "is required");
        return false;
    }

    public int? Int(YamlMapping map, string key, string path, string expected = "a whole number") =>
        Scalar(map, key, path, expected, static text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : (int?)null);

    public bool? Bool(YamlMapping map, string key, string path) =>
        Scalar(map, key, path, "true or false", static text => text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => (bool?)false,
            _ => null,
        });

    public DateOnly? Date(YamlMapping map, string key, string path) =>
        Scalar(map, key, path, "a date YYYY-MM-DD", static text =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null);

    public DateTimeOffset? Time(YamlMapping map, string key, string path) =>
        Scalar(map, key, path, "an ISO 8601 time with an offset, like 2021-03-20T17:00:00Z", static text => ParseTime(text));

    public Quarter? Quarter(YamlMapping map, string key, string path) =>
        Scalar(map, key, path, "a quarter YYYY-QN, like 2021-Q3", static text => Domain.Remediation.Quarter.TryParse(text, out var quarter) ? quarter : (Quarter?)null);

    public T? Enum<T>(YamlMapping map, string key, string path)
        where T : struct, Enum
    {
        var node = Value(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar && KebabNames<T>.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        Error(node, Join(path, key), $"unknown value {node.Describe}; expected one of {KebabNames<T>.Allowed}");
        return null;
    }

    /// <summary>A list of text values; a single text value is refused, since YAML would not read it as a list.</summary>
    public IReadOnlyList<string> StringList(YamlMapping map, string key, string path)
    {
        var node = Value(map, key);
        if (node is null)
        {
            return [];
        }

        if (node is not YamlSequence sequence)
        {
            return Fail<IReadOnlyList<string>>(node, Join(path, key), $"must be a list, was {node.Describe}") ?? [];
        }

        var values = new List<string>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlScalar { IsNull: false } item)
            {
                values.Add(item.Value);
            }
            else
            {
                Error(sequence.Items[i], $"{Join(path, key)}[{i}]", $"must be a text value, was {sequence.Items[i].Describe}");
            }
        }

        return values;
    }

    /// <summary>A list of enumeration values; an unknown value is reported on its own item.</summary>
    public IReadOnlyList<T> EnumList<T>(YamlMapping map, string key, string path)
        where T : struct, Enum
    {
        if (Sequence(map, key, path) is not { } sequence)
        {
            return [];
        }

        var values = new List<T>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlScalar scalar && KebabNames<T>.TryParse(scalar.Value, out var value))
            {
                values.Add(value);
            }
            else
            {
                Error(sequence.Items[i], $"{Join(path, key)}[{i}]", $"unknown value {sequence.Items[i].Describe}; expected one of {KebabNames<T>.Allowed}");
            }
        }

        return values;
    }

    public YamlMapping? Mapping(YamlMapping map, string key, string path) => Node<YamlMapping>(map, key, path, "a mapping");

    public YamlSequence? Sequence(YamlMapping map, string key, string path) => Node<YamlSequence>(map, key, path, "a list");

    /// <summary>Reports keys that are not in <paramref name="allowed"/>, and keys given twice.</summary>
    public void CheckKeys(YamlMapping map, string path, KeySet? allowed)
    {
        var entries = map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            var key = entries[i].Key;
            if (allowed is not null && !allowed.Contains(key.Value))
            {
                Error(key, Join(path, key.Value), $"unknown field; expected one of {allowed.Listing}");
            }

            for (var j = 0; j < i; j++)
            {
                if (entries[j].Key.Value == key.Value)
                {
                    Error(key, Join(path, key.Value), $"duplicate key; it is already given at line {entries[j].Key.Line}");
                    break;
                }
            }
        }
    }

    private T? Node<T>(YamlMapping map, string key, string path, string expected)
        where T : YamlNode
    {
        var node = Value(map, key);
        return node switch
        {
            null => null,
            T typed => typed,
            _ => Fail<T>(node, Join(path, key), $"must be {expected}, was {node.Describe}"),
        };
    }

    private T? Scalar<T>(YamlMapping map, string key, string path, string expected, Func<string, T?> parse)
        where T : struct
    {
        var node = Value(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar scalar && parse(scalar.Value) is { } value)
        {
            return value;
        }

        Error(node, Join(path, key), $"must be {expected}, was {node.Describe}");
        return null;
    }

    private T? Fail<T>(YamlNode node, string field, string message)
        where T : class
    {
        Error(node, field, message);
        return null;
    }

    private static DateTimeOffset? ParseTime(string text)
    {
        // An offset is required: a time without one means different instants on different machines.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && text.Contains('T', StringComparison.OrdinalIgnoreCase)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
    }
}

/// <summary>The field names a strict mapping allows, with the listing that error messages show.</summary>
internal sealed class KeySet(params string[] keys)
{
    private readonly HashSet<string> _keys = new(keys, StringComparer.Ordinal);

    public string Listing { get; } = string.Join(", ", keys);

    public bool Contains(string key) => _keys.Contains(key);
}
