using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Governance.Application.Exports.Xlsx;

/// <summary>
/// The package's shared strings: each text that repeats down a column (teams, statuses, policies) is kept once, and its
/// cells hold only its index, which makes them half the elements of an inline text to write and the file smaller. Texts
/// that are mostly unique (ids, names, evidence) stay inline, so that this table stays small at any fleet size.
/// </summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    /// <summary>How many cells point into the table.</summary>
    public long References { get; private set; }

    public int Count => _texts.Count;

    /// <summary>The index of <paramref name="text"/>, added when new.</summary>
    public int IndexOf(string text)
    {
        References++;
        if (!_indexes.TryGetValue(text, out var index))
        {
            index = _texts.Count;
            _indexes.Add(text, index);
            _texts.Add(text);
        }

        return index;
    }

    /// <summary>Writes the table as the package's shared strings part.</summary>
    public void Write(Stream part)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartDocument(true);
        writer.WriteStartElement(
            new SharedStringTable(),
            [new OpenXmlAttribute("count", string.Empty, References.ToString(System.Globalization.CultureInfo.InvariantCulture)), new OpenXmlAttribute("uniqueCount", string.Empty, Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var item = new SharedStringItem();
        var text = new Text();
        OpenXmlAttribute[] preserve = [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
        foreach (var value in _texts)
        {
            writer.WriteStartElement(item);
            if (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            {
                writer.WriteStartElement(text, preserve);
            }
            else
            {
                writer.WriteStartElement(text);
            }

            writer.WriteString(value);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.Close();
    }
}
