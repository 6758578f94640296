using YamlDotNet.RepresentationModel;

namespace Governance.Fuzzing;

/// <summary>
/// Structure-aware mutations of a YAML stream read into YamlDotNet's tree: fields dropped, moved, renamed or retyped, odd
/// and huge scalars, unicode, aliases (a node used twice is written as an anchor and an alias), deep nesting, more documents.
/// </summary>
internal static class TreeMutator
{
    public static void Apply(YamlStream stream, Mutation mutation)
    {
        var slots = Slots(stream);
        if (slots.Count == 0)
        {
            return;
        }

        var slot = slots[mutation.Pick % slots.Count];
        switch (mutation.Kind)
        {
            case MutationKind.DropField when slot.Parent is YamlMappingNode map:
                map.Children.Remove(slot.Key!);
                break;
            case MutationKind.DropField when slot.Parent is YamlSequenceNode sequence:
                sequence.Children.RemoveAt(slot.Index);
                break;
            case MutationKind.DuplicateItem when slot.Parent is YamlSequenceNode sequence:
                sequence.Children.Insert(slot.Index + 1, Clone(slot.Node));
                break;
            case MutationKind.Retype:
                Replace(stream, slot, Retyped(slot.Node, mutation.Arg));
                break;
            case MutationKind.OddScalar:
                Replace(stream, slot, new YamlScalarNode(OddValues.Of(OddValues.Scalars, mutation.Arg)));
                break;
            case MutationKind.HugeNumber:
                Replace(stream, slot, new YamlScalarNode(OddValues.Of(OddValues.Numbers, mutation.Arg)));
                break;
            case MutationKind.Unicode when slot.Node is YamlScalarNode scalar:
                Replace(stream, slot, new YamlScalarNode(Unicode(scalar.Value ?? string.Empty, mutation.Arg)));
                break;
            case MutationKind.RenameKey when slot.Parent is YamlMappingNode map && slot.Key is YamlScalarNode key:
                Rename(map, key, mutation.Arg);
                break;
            case MutationKind.MoveField when slot.Parent is YamlMappingNode map:
                // A field of one mapping put into another: a known name, with a value of the wrong place and maybe the wrong type.
                if (slots[mutation.Arg % slots.Count].Node is YamlMappingNode target && !Contains(slot.Node, target) && !target.Children.ContainsKey(slot.Key!))
                {
                    target.Children.Add(Clone(slot.Key!), slot.Node);
                }

                break;
            case MutationKind.Alias:
                // The same node in a second place is written as an anchor and an alias; never inside itself (no cycles).
                var source = slots[mutation.Arg % slots.Count].Node;
                if (slot.Parent is null || !Contains(source, slot.Parent))
                {
                    Replace(stream, slot, source);
                }

                break;
            case MutationKind.DeepNest:
                Replace(stream, slot, Nested(slot.Node, OddValues.Of(OddValues.Depths, mutation.Arg)));
                break;
            case MutationKind.KeepWindow when slot.Node is YamlSequenceNode sequence && sequence.Children.Count > 3:
                var start = mutation.Arg % sequence.Children.Count;
                var kept = sequence.Children.Skip(start).Take(1 + (mutation.Arg % 3)).ToList();
                sequence.Children.Clear();
                kept.ForEach(sequence.Children.Add);
                break;
            case MutationKind.ExtraDocument:
                stream.Documents.Add(new YamlDocument((mutation.Arg % 3) switch
                {
                    0 => Clone(stream.Documents[mutation.Pick % stream.Documents.Count].RootNode),
                    1 => new YamlScalarNode(OddValues.Of(OddValues.Scalars, mutation.Arg)),
                    _ => new YamlMappingNode(),
                }));
                break;
        }
    }

    /// <summary>Every node with the place it sits in; a node shared by aliases is listed at each place.</summary>
    private static List<Slot> Slots(YamlStream stream)
    {
        var slots = new List<Slot>();
        for (var document = 0; document < stream.Documents.Count; document++)
        {
            Collect(new Slot(stream.Documents[document].RootNode, null, null, document), slots);
        }

        return slots;
    }

    private static void Collect(Slot slot, List<Slot> slots)
    {
        slots.Add(slot);
        switch (slot.Node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children.ToList())
                {
                    Collect(new Slot(value, map, key, 0), slots);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Collect(new Slot(sequence.Children[i], sequence, null, i), slots);
                }

                break;
        }
    }

    /// <summary>Whether <paramref name="needle"/> is <paramref name="haystack"/> or lies inside it (through any alias).</summary>
    private static bool Contains(YamlNode haystack, YamlNode needle) => ReferenceEquals(haystack, needle) || haystack switch
    {
        YamlMappingNode map => map.Children.Values.Any(child => Contains(child, needle)),
        YamlSequenceNode sequence => sequence.Children.Any(child => Contains(child, needle)),
        _ => false,
    };

    private static void Replace(YamlStream stream, Slot slot, YamlNode node)
    {
        switch (slot.Parent)
        {
            case YamlMappingNode map:
                map.Children[slot.Key!] = node;
                break;
            case YamlSequenceNode sequence:
                sequence.Children[slot.Index] = node;
                break;
            default:
                stream.Documents[slot.Index] = new YamlDocument(node);
                break;
        }
    }

    private static YamlNode Retyped(YamlNode node, int arg) => node switch
    {
        YamlScalarNode scalar => arg % 2 == 0 ? new YamlSequenceNode(Clone(scalar)) : new YamlMappingNode(new YamlScalarNode("value"), Clone(scalar)),
        YamlSequenceNode sequence => arg % 2 == 0 || sequence.Children.Count == 0
            ? new YamlScalarNode(OddValues.Of(OddValues.Scalars, arg))
            : new YamlMappingNode(new YamlScalarNode("0"), Clone(sequence.Children[0])),
        YamlMappingNode map => arg % 2 == 0 || map.Children.Count == 0
            ? new YamlScalarNode(OddValues.Of(OddValues.Scalars, arg))
            : new YamlSequenceNode(map.Children.Values.Select(Clone)),
        _ => new YamlScalarNode(string.Empty),
    };

    private static void Rename(YamlMappingNode map, YamlScalarNode key, int arg)
    {
        var name = key.Value ?? string.Empty;
        var renamed = (arg % 7) switch
        {
            0 => name.ToUpperInvariant(),
            1 => name + "_",
            2 => string.Empty,
            3 => "<<",
            4 => name.Replace('e', 'е'), // a Cyrillic e: looks the same, is another field
            5 => new string('k', 70_000),
            _ => OddValues.Of(OddValues.Unicode, arg),
        };
        var renamedKey = new YamlScalarNode(renamed);
        if (!map.Children.ContainsKey(renamedKey))
        {
            var value = map.Children[key];
            map.Children.Remove(key);
            map.Children.Add(renamedKey, value);
        }
    }

    private static string Unicode(string value, int arg)
    {
        var odd = OddValues.Of(OddValues.Unicode, arg);
        return (arg / OddValues.Unicode.Length % 3) switch
        {
            0 => odd,
            1 => value + odd,
            _ => odd + value + odd,
        };
    }

    private static YamlNode Nested(YamlNode node, int depth)
    {
        var nested = Clone(node);
        for (var level = 0; level < depth; level++)
        {
            nested = level % 2 == 0 ? new YamlSequenceNode(nested) : new YamlMappingNode(new YamlScalarNode("a"), nested);
        }

        return nested;
    }

    public static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Clone)),
        YamlMappingNode map => new YamlMappingNode(map.Children.Select(pair => new KeyValuePair<YamlNode, YamlNode>(Clone(pair.Key), Clone(pair.Value)))),
        _ => new YamlScalarNode(string.Empty),
    };

    /// <summary>A node and where it sits: under a mapping's key, at a sequence's index, or as document <see cref="Index"/>'s root.</summary>
    private sealed record Slot(YamlNode Node, YamlNode? Parent, YamlNode? Key, int Index);
}
