using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Governance.Integrations.Import;

/// <summary>Chooses, for a list under a key of a document's root, a handler that takes its items one by one; null keeps the list in the tree.</summary>
internal delegate Action<int, YamlNode>? RootListStreamer(YamlMapping rootSoFar, string key);

/// <summary>
/// Reads the documents of one YAML text into trees of <see cref="YamlNode"/>, one pass over YamlDotNet's parser events.
/// Items of big root lists can be handed out as they are read, so that a 100,000-service file is never one tree.
/// </summary>
internal sealed class YamlDocumentReader
{
    private readonly Parser _parser;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);

    public YamlDocumentReader(TextReader text)
    {
        _parser = new Parser(text);
        _parser.Consume<StreamStart>();
    }

    /// <summary>Where the last event the parser produced starts: the best place to name when the parser fails without a mark.</summary>
    public (int Line, int Column) LastEventStart => _parser.Current is { } current ? ((int)current.Start.Line, (int)current.Start.Column) : (1, 1);

    /// <summary>Reads the next document's root (null when the document is empty); false at the end of the text.</summary>
    /// <exception cref="YamlException">The text is not well-formed YAML.</exception>
    public bool TryRead(RootListStreamer? streamer, out YamlNode? root)
    {
        root = null;
        if (_parser.Current is StreamEnd)
        {
            return false;
        }

        _parser.Consume<DocumentStart>();
        _anchors.Clear();
        var node = _parser.Current is MappingStart && streamer is not null ? ReadRoot(streamer) : ReadNode();
        _parser.Consume<DocumentEnd>();
        root = node is YamlScalar { IsNull: true } ? null : node;
        return true;
    }

    private YamlMapping ReadRoot(RootListStreamer streamer)
    {
        var start = _parser.Consume<MappingStart>();
        var root = Remember(start, new YamlMapping((int)start.Start.Line, (int)start.Start.Column));
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadKey();
            var handler = _parser.Current is SequenceStart { Anchor.IsEmpty: true } ? streamer(root, key.Value) : null;
            var value = handler is null ? ReadNode() : ReadStreamed(handler);
            root.Entries.Add(new(key, value));
        }

        return root;
    }

    private YamlSequence ReadStreamed(Action<int, YamlNode> handler)
    {
        var start = _parser.Consume<SequenceStart>();
        var index = 0;
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            handler(index++, ReadNode());
        }

        return new YamlSequence((int)start.Start.Line, (int)start.Start.Column, streamed: true);
    }

    private YamlNode ReadNode()
    {
        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
            return Remember(scalar, new YamlScalar(scalar.Value, plain, (int)scalar.Start.Line, (int)scalar.Start.Column));
        }

        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return _anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlException(alias.Start, alias.End, $"unknown alias *{alias.Value.Value}");
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var sequence = Remember(sequenceStart, new YamlSequence((int)sequenceStart.Start.Line, (int)sequenceStart.Start.Column));
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                sequence.Items.Add(ReadNode());
            }

            return sequence;
        }

        var mappingStart = _parser.Consume<MappingStart>();
        var mapping = Remember(mappingStart, new YamlMapping((int)mappingStart.Start.Line, (int)mappingStart.Start.Column));
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadKey();
            mapping.Entries.Add(new(key, ReadNode()));
        }

        return mapping;
    }

    private YamlScalar ReadKey()
    {
        var start = _parser.Current!.Start;
        var end = _parser.Current.End;
        return ReadNode() as YamlScalar ?? throw new YamlException(start, end, "a mapping key must be a plain string, not a list or mapping");
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
}
