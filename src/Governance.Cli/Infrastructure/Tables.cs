using Spectre.Console.Rendering;

namespace Governance.Cli.Infrastructure;

/// <summary>Plain-text tables: cell text is never read as markup, so ids with brackets print as they are.</summary>
public static class Tables
{
    /// <summary>A table with the given column headers.</summary>
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        // The first column names the row (an id): it is never broken across lines.
        table.Columns[0].NoWrap();

        return table;
    }

    /// <summary>Adds a row of plain text cells; null prints as a dash.</summary>
    public static Table Row(this Table table, params string?[] cells)
    {
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell ?? "–")));
        return table;
    }

    /// <summary>A two-column table of labels and values, for one thing's details.</summary>
    public static Table Details(IEnumerable<(string Label, string? Value)> rows)
    {
        var table = new Table().Border(TableBorder.None).HideHeaders().AddColumn("label").AddColumn("value");
        foreach (var (label, value) in rows)
        {
            table.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value ?? "–"));
        }

        return table;
    }

    /// <summary>A heading line.</summary>
    public static void Heading(this IAnsiConsole console, string title) =>
        console.Write(new Rule(Markup.Escape(title)).LeftJustified());
}
