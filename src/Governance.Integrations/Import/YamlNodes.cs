namespace Governance.Integrations.Import;

/// <summary>A node of a parsed YAML document with where it starts; lighter than YamlDotNet's representation model.</summary>
internal abstract class YamlNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>What the node is, in words for error messages.</summary>
    public abstract string Describe { get; }

    /// <summary>How many nodes a reader walking this one meets: itself, its items, and what each alias inside it stands for.</summary>
    public abstract long Weight { get; }
}

/// <summary>A list or a mapping, whose weight is counted as its items are read.</summary>
internal abstract class YamlCollection(int line, int column) : YamlNode(line, column)
{
    private long _weight = 1;

    public override long Weight => _weight;

    public void Add(YamlNode node) => _weight += node.Weight;
}

/// <summary>A scalar; <see cref="IsPlain"/> tells an unquoted <c>null</c> from the string "null".</summary>
internal sealed class YamlScalar(string value, bool isPlain, int line, int column) : YamlNode(line, column)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>True for an empty value, <c>~</c> or <c>null</c> written without quotes (YAML's null).</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe => IsNull ? "null" : $"'{Value}'";

    public override long Weight => 1;
}

/// <summary>A mapping, its entries in document order (duplicate keys are kept for the reader to report).</summary>
internal sealed class YamlMapping(int line, int column) : YamlCollection(line, column)
{
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];

    public override string Describe => "a mapping";

    /// <summary>The value of the first entry named <paramref name="key"/>.</summary>
    public YamlNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The key node of the first entry named <paramref name="key"/>.</summary>
    public YamlScalar? GetKey(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }
}

/// <summary>A sequence; a streamed one was handed out item by item and holds no items.</summary>
internal sealed class YamlSequence(int line, int column, bool streamed = false) : YamlCollection(line, column)
{
    public List<YamlNode> Items { get; } = [];

    public bool Streamed { get; } = streamed;

    public override string Describe => "a list";
}
