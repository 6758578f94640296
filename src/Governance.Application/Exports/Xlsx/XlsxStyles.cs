using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Application.Exports.Xlsx;

/// <summary>The formats a cell can have, by their index in the stylesheet's cell formats.</summary>
internal enum CellStyle : uint
{
    Plain = 0,
    Header = 1,
    Date = 2,
    DateTime = 3,
    Percent = 4,
}

/// <summary>The workbook's one stylesheet: a bold header, ISO dates and times, and a percentage.</summary>
internal static class XlsxStyles
{
    private const uint DateFormat = 164;
    private const uint DateTimeFormat = 165;

    // Excel's built-in "0%".
    private const uint PercentFormat = 9;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = DateTimeFormat, FormatCode = "yyyy-mm-dd hh:mm" })
        { Count = 2 },
        new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0, fontId: 0),
            Format(0, fontId: 1),
            Format(DateFormat, fontId: 0),
            Format(DateTimeFormat, fontId: 0),
            Format(PercentFormat, fontId: 0))
        { Count = 5 },
        new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" });
        return font;
    }

    private static CellFormat Format(uint numberFormatId, uint fontId) => new()
    {
        NumberFormatId = numberFormatId,
        FontId = fontId,
        FillId = 0,
        BorderId = 0,
        FormatId = 0,
        ApplyNumberFormat = numberFormatId != 0,
        ApplyFont = fontId != 0,
    };
}
