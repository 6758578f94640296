namespace Governance.Integrations.FleetFormat;

/// <summary>Writes the fields of one block-style list item: the first after <c>- </c>, the rest aligned under it.</summary>
internal sealed class YamlBlockWriter(TextWriter writer)
{
    private string _indent = "    ";
    private bool _first;

    public TextWriter Writer { get; } = writer;

    /// <summary>Begins an item of a list indented by <paramref name="listIndent"/>; its fields align two columns further in.</summary>
    public void StartListItem(string listIndent)
    {
        Writer.Write(listIndent);
        Writer.Write("- ");
        _indent = listIndent + "  ";
        _first = true;
    }

    /// <summary>Begins a nested block mapping whose fields all sit at <paramref name="indent"/>.</summary>
    public void StartMapping(string indent)
    {
        _indent = indent;
        _first = false;
    }

    /// <summary>Writes <c>key: value</c> with the value quoted as needed; nothing when the value is null.</summary>
    public void Field(string key, string? value)
    {
        if (value is not null)
        {
            Raw(key, YamlText.Block(value));
        }
    }

    public void Field(string key, int? value)
    {
        if (value is { } number)
        {
            Raw(key, YamlText.Number(number));
        }
    }

    public void Field(string key, bool? value)
    {
        if (value is { } flag)
        {
            Raw(key, YamlText.Bool(flag));
        }
    }

    public void Field(string key, DateOnly? value)
    {
        if (value is { } date)
        {
            Raw(key, YamlText.Date(date));
        }
    }

    /// <summary>Writes <c>key: [a, b]</c>; nothing for an empty list.</summary>
    public void FlowList(string key, IEnumerable<string> values)
    {
        var text = string.Join(", ", values.Select(YamlText.Flow));
        if (text.Length > 0)
        {
            Raw(key, $"[{text}]");
        }
    }

    /// <summary>Writes a field whose value is already YAML text (a flow mapping, a number).</summary>
    public void Raw(string key, string yaml)
    {
        StartKey(key);
        Writer.Write(' ');
        Writer.Write(yaml);
        Writer.Write('\n');
    }

    /// <summary>Writes <c>key:</c> alone on its line, for a nested block that the caller writes next.</summary>
    public void Key(string key)
    {
        StartKey(key);
        Writer.Write('\n');
    }

    /// <summary>The indentation of this item's fields, for nested blocks.</summary>
    public string Indent => _indent;

    private void StartKey(string key)
    {
        if (!_first)
        {
            Writer.Write(_indent);
        }

        _first = false;
        Writer.Write(YamlText.Block(key));
        Writer.Write(':');
    }
}
