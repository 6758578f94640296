using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Governance.Integrations.Import;

/// <summary>Chooses, for a list under a key of a document's root, a handler that takes its items one by one; null keeps the list in the tree.</summary>
internal delegate Action<int, YamlNode>? RootListStreamer(YamlMapping rootSoFar, string key);

/// <summary>
/// Reads the documents of one YAML text into trees of <see cref="YamlNode"/>, one pass over YamlDotNet's parser events.
/// Items of big root lists can be handed out as they are read, so that a 100,000-service file is never one tree.
/// Keeps the <see cref="InputLimits"/> as it reads: nesting (so that its recursion stays shallow), documents, text length,
/// what aliases stand for, and no alias inside the node it names.
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly Parser _parser;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);

    // The anchored lists and mappings still being read: an alias to one of them would make the tree a cycle.
    private readonly HashSet<YamlNode> _open = new(ReferenceEqualityComparer.Instance);

    // Where the reader is, key by key and item by item, to name the field a limit is broken at.
    private readonly List<(string? Key, int Index)> _path = [];
    private int _documents;
    private long _written;
    private long _aliased;
    private bool _started;

    // Nothing is parsed here: a text that fails at once (`...` and then more) fails in TryRead, where the failure is located.
    public YamlDocumentReader(TextReader text) => _parser = new Parser(text);

    /// <summary>Where the last event the parser produced starts: the best place to name when the parser fails without a mark.</summary>
    public (int Line, int Column) LastEventStart => _parser.Current is { } current ? ((int)current.Start.Line, (int)current.Start.Column) : (1, 1);

    /// <summary>Reads the next document's root (null when the document is empty); false at the end of the text.</summary>
    /// <exception cref="YamlException">The text is not well-formed YAML.</exception>
    /// <exception cref="InputLimitException">The text goes over one of the <see cref="InputLimits"/>.</exception>
    public bool TryRead(RootListStreamer? streamer, out YamlNode? root)
    {
        root = null;
        if (!_started)
        {
            _started = true;
            _parser.Consume<StreamStart>();
        }

        if (_parser.Current is StreamEnd)
        {
            return false;
        }

        var start = _parser.Consume<DocumentStart>();
        if (++_documents > InputLimits.MaxDocumentsPerFile)
        {
            throw Limit(start, "(document)", $"more than {InputLimits.Count(InputLimits.MaxDocumentsPerFile)} documents in one file (the limit): split it into files");
        }

        _anchors.Clear();
        _written = 0;
        _aliased = 0;
        var node = _parser.Current is MappingStart && streamer is not null ? ReadRoot(streamer) : ReadNode();
        _parser.Consume<DocumentEnd>();
        root = node is YamlScalar { IsNull: true } ? null : node;
        return true;
    }

    private YamlMapping ReadRoot(RootListStreamer streamer)
    {
        var start = _parser.Consume<MappingStart>();
        var root = Open(start, new YamlMapping((int)start.Start.Line, (int)start.Start.Column));
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadKey();
            _path.Add((key.Value, 0));
            var handler = _parser.Current is SequenceStart { Anchor.IsEmpty: true } ? streamer(root, key.Value) : null;
            var value = handler is null ? ReadNode() : ReadStreamed(handler);
            _path.RemoveAt(_path.Count - 1);
            root.Entries.Add(new(key, value));
            root.Add(key);
            root.Add(value);
        }

        return Close(root);
    }

    private YamlSequence ReadStreamed(Action<int, YamlNode> handler)
    {
        var start = _parser.Consume<SequenceStart>();
        var sequence = Open(start, new YamlSequence((int)start.Start.Line, (int)start.Start.Column, streamed: true));
        var index = 0;
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            _path.Add((null, index));
            handler(index++, ReadNode());
            _path.RemoveAt(_path.Count - 1);
        }

        return Close(sequence);
    }

    private YamlNode ReadNode()
    {
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            if (scalar.Value.Length > InputLimits.MaxScalarLength)
            {
                throw Limit(scalar, FieldPath(), $"a text value of {InputLimits.Count(scalar.Value.Length)} characters; at most {InputLimits.Count(InputLimits.MaxScalarLength)} are read");
            }

            _written++;
            var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
            return Remember(scalar, new YamlScalar(scalar.Value, plain, (int)scalar.Start.Line, (int)scalar.Start.Column));
        }

        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return Resolve(alias);
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var sequence = Open(sequenceStart, new YamlSequence((int)sequenceStart.Start.Line, (int)sequenceStart.Start.Column));
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                _path.Add((null, sequence.Items.Count));
                var item = ReadNode();
                _path.RemoveAt(_path.Count - 1);
                sequence.Items.Add(item);
                sequence.Add(item);
            }

            return Close(sequence);
        }

        var mappingStart = _parser.Consume<MappingStart>();
        var mapping = Open(mappingStart, new YamlMapping((int)mappingStart.Start.Line, (int)mappingStart.Start.Column));
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadKey();
            _path.Add((key.Value, 0));
            var value = ReadNode();
            _path.RemoveAt(_path.Count - 1);
            mapping.Entries.Add(new(key, value));
            mapping.Add(key);
            mapping.Add(value);
        }

        return Close(mapping);
    }

    private YamlScalar ReadKey()
    {
        var start = _parser.Current!.Start;
        var end = _parser.Current.End;
        return ReadNode() as YamlScalar ?? throw new YamlException(start, end, "a mapping key must be a plain string, not a list or mapping");
    }

    private YamlNode Resolve(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            throw new YamlException(alias.Start, alias.End, $"unknown alias *{alias.Value.Value}");
        }

        if (_open.Contains(target))
        {
            throw Limit(alias, FieldPath(), $"the alias *{alias.Value.Value} stands for a list or mapping that holds it: a cycle, which cannot be read");
        }

        _aliased += target.Weight;
        var allowance = Math.Max(InputLimits.MinAliasExpansionAllowance, InputLimits.MaxAliasExpansionFactor * _written);
        if (_aliased > allowance)
        {
            throw Limit(alias, FieldPath(), $"the aliases of this document stand for more than {InputLimits.Count(allowance)} nodes "
                + $"({InputLimits.MaxAliasExpansionFactor} times the nodes it writes out, at least {InputLimits.Count(InputLimits.MinAliasExpansionAllowance)}): write the values out, or share less");
        }

        return target;
    }

    /// <summary>Starts a list or mapping one level deeper, refusing to go deeper than the limit.</summary>
    private T Open<T>(NodeEvent start, T node)
        where T : YamlCollection
    {
        // The document's root is at depth 1; the path holds one step per level entered below it.
        if (_path.Count + 1 > InputLimits.MaxNestingDepth)
        {
            throw Limit(start, FieldPath(), $"lists and mappings nested more than {InputLimits.MaxNestingDepth} deep (the limit)");
        }

        _written++;
        Remember(start, node);
        if (!start.Anchor.IsEmpty)
        {
            _open.Add(node);
        }

        return node;
    }

    private T Close<T>(T node)
        where T : YamlCollection
    {
        _open.Remove(node);
        return node;
    }

    private T Remember<T>(NodeEvent nodeEvent, T node)
        where T : YamlNode
    {
        if (!nodeEvent.Anchor.IsEmpty)
        {
            _anchors[nodeEvent.Anchor.Value] = node;
        }

        return node;
    }

    /// <summary>The field being read, as a file would name it (<c>services[3].dependencies[0]</c>); a long path is cut after a few steps.</summary>
    private string FieldPath()
    {
        const int Shown = 8;
        if (_path.Count == 0)
        {
            return "(document)";
        }

        var field = new StringBuilder();
        for (var i = 0; i < Math.Min(_path.Count, Shown); i++)
        {
            var (key, index) = _path[i];
            if (key is null)
            {
                field.Append('[').Append(index).Append(']');
            }
            else
            {
                field.Append(field.Length == 0 ? string.Empty : ".").Append(key);
            }
        }

        return _path.Count > Shown ? field.Append('…').ToString() : field.ToString();
    }

    private static InputLimitException Limit(ParsingEvent at, string field, string message) =>
        new((int)at.Start.Line, (int)at.Start.Column, field, message);
}
