using YamlDotNet.Core;

namespace Governance.Integrations.Import;

/// <summary>Turns YamlDotNet's parse failures, and input over a limit, into problems located where a person can find the mistake.</summary>
internal static class YamlFailures
{
    /// <summary>The problem <paramref name="exception"/> is, or null when it is neither a YAML parse failure nor a broken limit.</summary>
    public static ImportProblem? Locate(Exception exception, string file, YamlDocumentReader? reader, Func<TextReader> reopen) => exception switch
    {
        InputLimitException limit => new ImportProblem(new SourceLocation(file, limit.Line, limit.Column), limit.Field, limit.Message),
        YamlException yaml => new ImportProblem(
            (yaml.Message.Contains("tab", StringComparison.Ordinal) ? FirstTabIndentation(reopen, file) : null) ?? Within(reopen, new SourceLocation(file, (int)yaml.Start.Line, (int)yaml.Start.Column)),
            "(yaml)",
            $"not valid YAML: {yaml.Message}"),

        // YamlDotNet 16.3 fails this way, without a mark, on some unclosed flow collections: name the last node it read.
        InvalidOperationException when reader is not null && exception.Source == typeof(Parser).Assembly.GetName().Name => new ImportProblem(
            new SourceLocation(file, reader.LastEventStart.Line, reader.LastEventStart.Column),
            "(yaml)",
            "not valid YAML: the parser cannot continue after this node (is a [ or { left unclosed?)"),
        _ => null,
    };

    // YamlDotNet marks a text cut off inside a flow collection on the line after its last one: name the end of the text instead.
    private static SourceLocation Within(Func<TextReader> reopen, SourceLocation mark)
    {
        using var text = reopen();
        var (line, column) = (1, 1);
        for (var c = text.Read(); c >= 0; c = text.Read())
        {
            // The line breaks YAML knows; \r\n is one.
            if (c is '\n' or '\u0085' or '\u2028' or '\u2029' || (c == '\r' && text.Peek() != '\n'))
            {
                (line, column) = (line + 1, 1);
            }
            else if (c != '\r')
            {
                column++;
            }

            if (line > mark.Line)
            {
                return mark;
            }
        }

        return mark.Line > line || (mark.Line == line && mark.Column > column) ? mark with { Line = line, Column = column } : mark;
    }

    // YamlDotNet marks a tab used as indentation at the start of its mapping; the tab itself is more use to a reader.
    private static SourceLocation? FirstTabIndentation(Func<TextReader> reopen, string file)
    {
        using var text = reopen();
        var line = 0;
        while (text.ReadLine() is { } content)
        {
            line++;
            var indentation = content.Length - content.TrimStart(' ', '\t').Length;
            var tab = content.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indentation)
            {
                return new SourceLocation(file, line, tab + 1);
            }
        }

        return null;
    }
}
