using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Convertify.Excel;

/// <summary>
/// Reads a worksheet part row by row with an <see cref="OpenXmlReader"/>, so that reading a catalogue back costs no more
/// memory than its rows: text (shared, inline or formula result) as <see cref="string"/>, numbers as <see cref="double"/>,
/// booleans as <see cref="bool"/>, ISO dates (<c>t="d"</c>) as <see cref="DateTime"/>.
/// </summary>
internal static class SheetRows
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The rows in document order: the 1-based row number and the values by 0-based column (null where no cell).
    /// The list is reused: read it before asking for the next row. The sheet's hyperlinks (cell reference, relationship id),
    /// which follow the rows, go to <paramref name="hyperlink"/> when given.</summary>
    public static IEnumerable<(int Row, IReadOnlyList<object?> Values)> Read(WorksheetPart part, IReadOnlyList<string> sharedStrings,
        Action<string, string>? hyperlink = null)
    {
        using var reader = OpenXmlReader.Create(part);
        var values = new List<object?>();
        var rowNumber = 0;
        while (reader.Read())
        {
            if (hyperlink is not null && reader.ElementType == typeof(Hyperlink) && reader.IsStartElement)
            {
                var reference = reader.Attributes.FirstOrDefault(a => a.LocalName == "ref" && a.NamespaceUri.Length == 0).Value;
                var id = reader.Attributes.FirstOrDefault(a => a.LocalName == "id" && a.NamespaceUri == RelationshipsNamespace).Value;
                if (reference is not null && id is not null)
                {
                    hyperlink(reference, id);
                }
                continue;
            }
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = row.RowIndex?.Value is { } r ? (int)r : rowNumber + 1;
            values.Clear();
            var column = -1;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? CellReference.ColumnIndex(reference) : column + 1;
                if (column >= 0 && Value(cell, sharedStrings) is { } value)
                {
                    while (values.Count <= column)
                    {
                        values.Add(null);
                    }
                    values[column] = value;
                }
            }
            yield return (rowNumber, values);
        }
    }

    /// <summary>The shared-string table's strings, in order.</summary>
    public static List<string> SharedStrings(SharedStringTablePart part)
    {
        using var reader = OpenXmlReader.Create(part);
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(ExcelText.Decode(TextOf(reader.LoadCurrentElement()!)));
            }
        }
        return strings;
    }

    private static object? Value(Cell cell, IReadOnlyList<string> sharedStrings)
    {
        var raw = cell.CellValue?.Text;
        return cell.DataType?.InnerText switch
        {
            "inlineStr" => cell.InlineString is { } inline ? ExcelText.Decode(TextOf(inline)) : null,
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : null,
            "str" or "e" => raw is null ? null : ExcelText.Decode(raw),
            "b" => raw is null ? null : raw.Trim() == "1",
            "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : raw,
            _ => raw is null ? null : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : raw,
        };
    }

    /// <summary>The text of a plain or rich string (<c>si</c>, <c>is</c>): its text and its runs' text, without phonetic runs.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        var text = new StringBuilder();
        foreach (var child in item.ChildElements)
        {
            switch (child)
            {
                case SheetText t:
                    text.Append(t.Text);
                    break;
                case Run run:
                    text.Append(run.Text?.Text);
                    break;
            }
        }
        return text.ToString();
    }
}
