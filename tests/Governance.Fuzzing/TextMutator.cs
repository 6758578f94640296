namespace Governance.Fuzzing;

/// <summary>Mutations of a document's text by lines and tokens: truncation, lines dropped or repeated, indentation, stray tokens, flow nesting.</summary>
internal static class TextMutator
{
    public static string Apply(string text, Mutation mutation)
    {
        var lines = text.Split('\n').ToList();
        var line = mutation.Pick % lines.Count;
        switch (mutation.Kind)
        {
            case MutationKind.Truncate:
                return text[..(mutation.Pick % (text.Length + 1))];
            case MutationKind.DropLine:
                lines.RemoveAt(line);
                break;
            case MutationKind.DuplicateLine:
                lines.Insert(line, lines[line]);
                break;
            case MutationKind.SwapLines:
                var other = mutation.Arg % lines.Count;
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case MutationKind.Reindent:
                lines[line] = (mutation.Arg % 4) switch
                {
                    0 => lines[line].TrimStart(' '),
                    1 => "\t" + lines[line],
                    _ => new string(' ', 1 + (mutation.Arg % 5)) + lines[line],
                };
                break;
            case MutationKind.InsertToken:
                var at = mutation.Arg % (lines[line].Length + 1);
                lines[line] = lines[line].Insert(at, OddValues.Of(OddValues.Tokens, mutation.Arg / 7));
                break;
            case MutationKind.DeepFlow:
                // After the line's first ": " when it has one, so that the nesting is a field's value.
                var depth = OddValues.Of(OddValues.FlowDepths, mutation.Arg);
                var open = mutation.Arg % 2 == 0 ? "[" : "{a: ";
                var close = mutation.Arg % 2 == 0 ? "]" : "}";
                var nesting = string.Concat(Enumerable.Repeat(open, depth)) + (mutation.Arg % 3 == 0 ? string.Empty : string.Concat(Enumerable.Repeat(close, depth)));
                var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
                lines[line] = colon < 0 ? nesting : lines[line][..(colon + 2)] + nesting;
                break;
            case MutationKind.DocumentMarker:
                lines.Insert(line, (mutation.Arg % 3) switch { 0 => "---", 1 => "...", _ => "--- !!str" });
                break;
        }

        return string.Join('\n', lines);
    }
}
