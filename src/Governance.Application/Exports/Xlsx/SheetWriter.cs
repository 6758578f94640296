using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Application.Exports.Xlsx;

/// <summary>A column of a sheet: its header (null: none) and its width in characters.</summary>
internal sealed record SheetColumn(string? Header, double Width);

/// <summary>
/// Writes one worksheet row by row with the Open XML SDK's <see cref="OpenXmlWriter"/>, straight into the package: a frozen
/// header row, then typed cells (text inline, numbers, dates and times as Excel's serial numbers, booleans). Rows past the
/// sheet's limit are counted, not written. Nothing of a sheet stays in memory but the row being written.
/// </summary>
internal sealed class SheetWriter : IDisposable
{
    /// <summary>How many rows Excel holds in one sheet, the header included.</summary>
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>The longest text Excel keeps in one cell.</summary>
    public const int MaxTextLength = 32_767;

    private const string Ellipsis = "…";

    // Excel counts days from 1899-12-30 (its 1900 leap-year bug makes 1 March 1900 day 61 either way).
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    private static readonly string[] StyleIndexes = [.. Enum.GetValues<CellStyle>().Select(style => ((uint)style).ToString(CultureInfo.InvariantCulture))];

    private readonly Stream _part;
    private readonly OpenXmlWriter _writer;
    private readonly IReadOnlyList<SheetColumn> _columns;
    private readonly string[] _letters;
    private readonly int _maxRows;
    private readonly bool _filter;
    private readonly SharedStrings _strings;
    private readonly OpenXmlAttribute[] _rowAttribute = new OpenXmlAttribute[1];
    private readonly OpenXmlAttribute[][] _cellAttributes = [new OpenXmlAttribute[1], new OpenXmlAttribute[2], new OpenXmlAttribute[3]];
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private int _rowNumber;
    private int _column;
    private bool _inRow;
    private bool _completed;

    /// <param name="part">The worksheet part's stream in the package, closed with the sheet.</param>
    /// <param name="columns">The sheet's columns; their headers make its first row.</param>
    /// <param name="maxRows">How many rows, the header included, the sheet may hold (Excel's limit unless a test asks for fewer).</param>
    /// <param name="selected">Whether this is the sheet the workbook opens on.</param>
    /// <param name="filter">Whether the header row gets filter buttons over every row written.</param>
    /// <param name="strings">The package's table of the texts that repeat, which <see cref="Label"/> cells point into.</param>
    public SheetWriter(Stream part, IReadOnlyList<SheetColumn> columns, int maxRows, bool selected, bool filter, SharedStrings strings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRows, ExcelMaxRows);
        _columns = columns;
        _letters = [.. Enumerable.Range(0, columns.Count).Select(ColumnName)];
        _maxRows = maxRows;
        _filter = filter;
        _strings = strings;
        _part = part;
        _writer = OpenXmlWriter.Create(part);
        _writer.WriteStartDocument();
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(FrozenHeader(selected));
        _writer.WriteElement(new Columns(columns.Select((column, index) => new Column
        {
            Min = (uint)index + 1,
            Max = (uint)index + 1,
            Width = column.Width,
            CustomWidth = true,
        })));
        _writer.WriteStartElement(new SheetData());
        HeaderRow([.. columns.Select(column => column.Header)]);
    }

    /// <summary>Data rows written, below the header.</summary>
    public long Rows { get; private set; }

    /// <summary>Data rows that did not fit within the sheet's limit and were left out.</summary>
    public long Omitted { get; private set; }

    /// <summary>Starts the next row; false (and the row is counted as left out) when the sheet is full.</summary>
    public bool TryBeginRow()
    {
        if (_rowNumber >= _maxRows)
        {
            Omitted++;
            return false;
        }

        BeginRow();
        Rows++;
        return true;
    }

    /// <summary>A row of bold labels, such as the header or a table's heading further down: not counted as data.</summary>
    public void HeaderRow(params string?[] labels)
    {
        BeginRow();
        foreach (var label in labels)
        {
            Label(label, CellStyle.Header);
        }

        EndRow();
    }

    /// <summary>An empty row (a gap between tables), not counted as data.</summary>
    public void BlankRow()
    {
        EndRow();
        _rowNumber++;
    }

    /// <summary>A text cell (inline, so that no table of every string is kept); null leaves the cell empty.</summary>
    public void Text(string? value, CellStyle style = CellStyle.Plain)
    {
        if (value is null)
        {
            _column++;
            return;
        }

        var text = Clean(value);
        StartCell(style, "inlineStr");
        _writer.WriteStartElement(_inline);
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            _writer.WriteStartElement(_text, [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
        }
        else
        {
            _writer.WriteStartElement(_text);
        }

        _writer.WriteString(text);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    /// <summary>
    /// A text cell for a value that repeats down its column (a team, a status, a policy): kept once in the package's shared
    /// strings, the cell only points at it. Null leaves the cell empty.
    /// </summary>
    public void Label(string? value, CellStyle style = CellStyle.Plain) =>
        Value(value is null ? null : _strings.IndexOf(Clean(value)).ToString(CultureInfo.InvariantCulture), style, "s");

    /// <summary>A number cell; null leaves the cell empty.</summary>
    public void Number(long? value) => Value(value?.ToString(CultureInfo.InvariantCulture), CellStyle.Plain, null);

    /// <summary>A fraction shown as a percentage; null leaves the cell empty.</summary>
    public void Percent(double? value) => Value(value?.ToString("R", CultureInfo.InvariantCulture), CellStyle.Percent, null);

    /// <summary>A date cell (yyyy-mm-dd); null leaves the cell empty.</summary>
    public void Date(DateOnly? value) => Value(value is { } date ? (date.DayNumber - Epoch.DayNumber).ToString(CultureInfo.InvariantCulture) : null, CellStyle.Date, null);

    /// <summary>A date and time cell in UTC (yyyy-mm-dd hh:mm); null leaves the cell empty.</summary>
    public void DateTime(DateTimeOffset? value) =>
        Value(value is { } time ? time.UtcDateTime.ToOADate().ToString("R", CultureInfo.InvariantCulture) : null, CellStyle.DateTime, null);

    /// <summary>A TRUE/FALSE cell; null leaves the cell empty.</summary>
    public void Boolean(bool? value) => Value(value is { } flag ? (flag ? "1" : "0") : null, CellStyle.Plain, "b");

    /// <summary>Ends the row begun by <see cref="TryBeginRow"/>.</summary>
    public void EndRow()
    {
        if (_inRow)
        {
            _writer.WriteEndElement();
            _inRow = false;
        }
    }

    /// <summary>Closes the sheet data, adds the filter over the rows written, and ends the part.</summary>
    public void Complete()
    {
        EndRow();
        _writer.WriteEndElement();
        if (_filter)
        {
            _writer.WriteElement(new AutoFilter { Reference = $"A1:{_letters[^1]}{Rows + 1}" });
        }

        _writer.WriteEndElement();
        _writer.Close();
        _part.Dispose();
        _completed = true;
    }

    /// <summary>Lets go of the part; a sheet not completed is left unfinished, as the export that failed is not kept.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            try
            {
                _writer.Dispose();
                _part.Dispose();
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or System.Xml.XmlException)
            {
                // The export failed already: its first error is the one to report, not this one.
            }
        }
    }

    private void BeginRow()
    {
        EndRow();
        _rowNumber++;
        _column = 0;
        _rowAttribute[0] = new OpenXmlAttribute("r", string.Empty, _rowNumber.ToString(CultureInfo.InvariantCulture));
        _writer.WriteStartElement(_row, _rowAttribute);
        _inRow = true;
    }

    private void Value(string? value, CellStyle style, string? type)
    {
        if (value is null)
        {
            _column++;
            return;
        }

        StartCell(style, type);
        _writer.WriteStartElement(_value);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void StartCell(CellStyle style, string? type)
    {
        if (_column >= _letters.Length)
        {
            throw new InvalidOperationException($"row {_rowNumber} has more cells than the sheet's {_columns.Count} columns");
        }

        // One array per attribute count, reused: the writer takes them as they are, and a list would box its enumerator per cell.
        var attributes = _cellAttributes[(style == CellStyle.Plain ? 0 : 1) + (type is null ? 0 : 1)];
        attributes[0] = new OpenXmlAttribute("r", string.Empty, string.Concat(_letters[_column], _rowNumber.ToString(CultureInfo.InvariantCulture)));
        var next = 1;
        if (style != CellStyle.Plain)
        {
            attributes[next++] = new OpenXmlAttribute("s", string.Empty, StyleIndexes[(int)style]);
        }

        if (type is not null)
        {
            attributes[next] = new OpenXmlAttribute("t", string.Empty, type);
        }

        _writer.WriteStartElement(_cell, attributes);
        _column++;
    }

    private static SheetViews FrozenHeader(bool selected) => new(
        new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        {
            WorkbookViewId = 0,
            TabSelected = selected,
        });

    /// <summary>Text as a cell may hold it (internal for the shared strings): characters XML cannot carry become U+FFFD, and text past Excel's limit is cut.</summary>
    internal static string Clean(string value)
    {
        var text = value.Length > MaxTextLength ? string.Concat(value.AsSpan(0, MaxTextLength - Ellipsis.Length), Ellipsis) : value;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i))
            {
                return string.Create(text.Length, text, static (span, source) =>
                {
                    for (var j = 0; j < source.Length; j++)
                    {
                        span[j] = IsXmlChar(source, j) ? source[j] : '\uFFFD';
                    }
                });
            }
        }

        return text;
    }

    private static bool IsXmlChar(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index > 0 && char.IsHighSurrogate(text[index - 1]);
        }

        return c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var number = index + 1; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }
}
