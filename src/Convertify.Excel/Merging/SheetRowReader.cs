using System.Globalization;
using System.Text;
using System.Xml;

namespace Convertify.Excel;

/// <summary>
/// Reads a worksheet part row by row with an <see cref="XmlReader"/>, so that reading a catalogue back costs no more
/// memory than its rows: text (shared, inline or formula result) as <see cref="string"/>, numbers as
/// <see cref="double"/>, booleans as <see cref="bool"/>, ISO dates (<c>t="d"</c>) as <see cref="DateTime"/>.
/// </summary>
internal static class SheetRowReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>The rows in document order: the 1-based row number and the values by 0-based column (null where no cell).
    /// The list is reused: read it before asking for the next row.</summary>
    public static IEnumerable<(int Row, IReadOnlyList<object?> Values)> Rows(Stream part, IReadOnlyList<string> sharedStrings)
    {
        using var xml = XmlReader.Create(part, Settings);
        var values = new List<object?>();
        var rowNumber = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }
            rowNumber = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
            values.Clear();
            if (!xml.IsEmptyElement)
            {
                ReadCells(xml, values, sharedStrings);
            }
            yield return (rowNumber, values);
        }
    }

    /// <summary>The shared-string table's strings, in order.</summary>
    public static List<string> SharedStrings(Stream part)
    {
        using var xml = XmlReader.Create(part, Settings);
        var strings = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                strings.Add(xml.IsEmptyElement ? string.Empty : ExcelText.Decode(ReadText(xml)));
            }
        }
        return strings;
    }

    /// <summary>Reads the cells of the row the reader is on, up to its end element.</summary>
    private static void ReadCells(XmlReader xml, List<object?> values, IReadOnlyList<string> sharedStrings)
    {
        var depth = xml.Depth;
        var column = -1;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }
            var reference = xml.GetAttribute("r");
            column = reference is null ? column + 1 : CellReference.ColumnIndex(reference);
            var type = xml.GetAttribute("t");
            var value = xml.IsEmptyElement ? null : ReadCell(xml, type, sharedStrings);
            if (column < 0 || value is null)
            {
                continue;
            }
            while (values.Count <= column)
            {
                values.Add(null);
            }
            values[column] = value;
        }
    }

    /// <summary>Reads the value of the (non-empty) cell the reader is on; leaves the reader on its end element.</summary>
    private static object? ReadCell(XmlReader xml, string? type, IReadOnlyList<string> sharedStrings)
    {
        var depth = xml.Depth;
        string? raw = null;
        string? inline = null;
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
            }
            else if (xml.LocalName == "v")
            {
                raw = xml.ReadElementContentAsString();
            }
            else if (xml.LocalName == "is" && !xml.IsEmptyElement)
            {
                inline = ReadText(xml);
                xml.Read();
            }
            else
            {
                inline ??= xml.LocalName == "is" ? string.Empty : null;
                xml.Skip();
            }
        }
        return Value(raw, inline, type, sharedStrings);
    }

    private static object? Value(string? raw, string? inline, string? type, IReadOnlyList<string> sharedStrings) => type switch
    {
        "inlineStr" => inline is null ? null : ExcelText.Decode(inline),
        "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : null,
        "str" or "e" => raw is null ? null : ExcelText.Decode(raw),
        "b" => raw is null ? null : raw.Trim() == "1",
        "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : raw,
        _ => raw is null ? null : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : raw,
    };

    /// <summary>The text of a rich or plain string element (<c>si</c>, <c>is</c>; not empty): its <c>t</c> elements, without
    /// phonetic runs. Leaves the reader on the element's end.</summary>
    private static string ReadText(XmlReader xml)
    {
        var depth = xml.Depth;
        var text = new StringBuilder();
        xml.Read();
        while (xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                xml.Read();
            }
            else if (xml.LocalName == "t")
            {
                text.Append(xml.ReadElementContentAsString());
            }
            else if (xml.LocalName is "rPh" or "phoneticPr")
            {
                xml.Skip();
            }
            else
            {
                // A run (r) and its properties: step inside, the t elements are what counts.
                xml.Read();
            }
        }
        return text.ToString();
    }
}
