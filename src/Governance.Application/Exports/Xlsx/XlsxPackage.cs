using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Application.Exports.Xlsx;

/// <summary>
/// An .xlsx package written front to back into any stream: a ZIP archive in create mode, whose parts are written once each
/// and never held in memory. The SDK's own package (System.IO.Packaging) keeps every part it writes in memory until it is
/// saved (dotnet/Open-XML-SDK#807), which at 400,000 rows is hundreds of MiB; so the package's few fixed parts are written
/// here, each worksheet is streamed with <see cref="OpenXmlWriter"/>, and the shared strings (only the texts that repeat)
/// come last. The sheets may be written in any order: their
/// order in the workbook is fixed by the names given at the start.
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string PackageTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string SpreadsheetTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    private readonly ZipArchive _archive;
    private readonly IReadOnlyList<string> _sheets;
    private readonly DateTimeOffset _writtenAt;
    private readonly HashSet<int> _written = [];
    private readonly SharedStrings _strings = new();
    private bool _completed;

    /// <param name="output">Where the package goes; left open.</param>
    /// <param name="sheets">The sheets' names, in the order the workbook shows them; the first is the one it opens on.</param>
    /// <param name="writtenAt">The time every part is stamped with, so that the same export at the same time gives the same bytes.</param>
    public XlsxPackage(Stream output, IReadOnlyList<string> sheets, DateTimeOffset writtenAt)
    {
        _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _sheets = sheets;
        _writtenAt = writtenAt;
        WriteXml("[Content_Types].xml", ContentTypes);
        WriteXml("_rels/.rels", writer => Relationships(writer, [("rId1", $"{DocumentRelationships}/officeDocument", "xl/workbook.xml")]));
        WriteXml("xl/_rels/workbook.xml.rels", writer => Relationships(
            writer,
            [
                .. sheets.Select((_, index) => ($"rId{index + 1}", $"{DocumentRelationships}/worksheet", $"worksheets/sheet{index + 1}.xml")),
                ($"rId{sheets.Count + 1}", $"{DocumentRelationships}/styles", "styles.xml"),
                ($"rId{sheets.Count + 2}", $"{DocumentRelationships}/sharedStrings", "sharedStrings.xml"),
            ]));
        WriteElement("xl/workbook.xml", Workbook());
        WriteElement("xl/styles.xml", XlsxStyles.Create());
    }

    /// <summary>Opens sheet <paramref name="index"/> (of the names given at the start) for writing; each sheet once, and one at a time.</summary>
    public SheetWriter OpenSheet(int index, IReadOnlyList<SheetColumn> columns, int maxRows, bool filter = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _sheets.Count);
        if (!_written.Add(index))
        {
            throw new InvalidOperationException($"sheet '{_sheets[index]}' was already written");
        }

        return new SheetWriter(OpenPart($"xl/worksheets/sheet{index + 1}.xml"), columns, maxRows, selected: index == 0, filter, _strings);
    }

    /// <summary>
    /// Writes the shared strings the sheets gathered and ends the archive, once every sheet is written: a workbook naming a
    /// missing part would not open.
    /// </summary>
    public void Complete()
    {
        var missing = Enumerable.Range(0, _sheets.Count).Where(index => !_written.Contains(index)).Select(index => _sheets[index]).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"the workbook lacks its sheets {string.Join(", ", missing)}");
        }

        using (var part = OpenPart("xl/sharedStrings.xml"))
        {
            _strings.Write(part);
        }

        _archive.Dispose();
        _completed = true;
    }

    /// <summary>Lets go of the archive; after a failure, what was written is not a workbook and is not finished.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            try
            {
                _archive.Dispose();
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or NotSupportedException)
            {
                // The export failed already: its first error is the one to report, not this one.
            }
        }
    }

    private Workbook Workbook()
    {
        var workbook = new Workbook(
            new BookViews(new WorkbookView()),
            new Sheets(_sheets.Select((name, index) => new Sheet { Name = name, SheetId = (uint)index + 1, Id = $"rId{index + 1}" })));
        workbook.AddNamespaceDeclaration("r", DocumentRelationships);
        return workbook;
    }

    private void ContentTypes(XmlWriter writer)
    {
        writer.WriteStartElement("Types", PackageTypes);
        Default(writer, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(writer, "xml", "application/xml");
        Override(writer, "/xl/workbook.xml", $"{SpreadsheetTypes}.sheet.main+xml");
        Override(writer, "/xl/styles.xml", $"{SpreadsheetTypes}.styles+xml");
        Override(writer, "/xl/sharedStrings.xml", $"{SpreadsheetTypes}.sharedStrings+xml");
        for (var index = 0; index < _sheets.Count; index++)
        {
            Override(writer, $"/xl/worksheets/sheet{index + 1}.xml", $"{SpreadsheetTypes}.worksheet+xml");
        }

        writer.WriteEndElement();
    }

    private static void Default(XmlWriter writer, string extension, string contentType)
    {
        writer.WriteStartElement("Default", PackageTypes);
        writer.WriteAttributeString("Extension", extension);
        writer.WriteAttributeString("ContentType", contentType);
        writer.WriteEndElement();
    }

    private static void Override(XmlWriter writer, string partName, string contentType)
    {
        writer.WriteStartElement("Override", PackageTypes);
        writer.WriteAttributeString("PartName", partName);
        writer.WriteAttributeString("ContentType", contentType);
        writer.WriteEndElement();
    }

    private static void Relationships(XmlWriter writer, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        writer.WriteStartElement("Relationships", PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            writer.WriteStartElement("Relationship", PackageRelationships);
            writer.WriteAttributeString("Id", id);
            writer.WriteAttributeString("Type", type);
            writer.WriteAttributeString("Target", target);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private void WriteXml(string path, Action<XmlWriter> write)
    {
        using var part = OpenPart(path);
        using var writer = XmlWriter.Create(part, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private void WriteElement(string path, OpenXmlElement root)
    {
        using var part = OpenPart(path);
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
        writer.Close();
    }

    // Fastest: at 100,000 services the worksheets are most of the work, and the best level barely shrinks the file further.
    private Stream OpenPart(string path)
    {
        var entry = _archive.CreateEntry(path, CompressionLevel.Fastest);
        entry.LastWriteTime = _writtenAt;
        return entry.Open();
    }
}
