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
    /// <summary>The rows in document order: the 1-based row number and the values by 0-based column (null where no cell).
    /// The list is reused: read it before asking for the next row.</summary>
    public static IEnumerable<(int Row, IReadOnlyList<object?> Values)> Read(WorksheetPart part, IReadOnlyList<string> sharedStrings)
    {
        // Cells are read off the reader's own elements, not loaded as a tree per row: loading was half the cost of a merge.
        using var reader = OpenXmlReader.Create(part);
        var values = new List<object?>();
        var text = new StringBuilder();
        var rowNumber = 0;
        var column = -1;
        string? type = null;
        string? raw = null;
        var inCell = false;
        var hasInline = false;
        var inInline = false;
        var inPhonetic = false;
        while (reader.Read())
        {
            var element = reader.ElementType;
            var start = reader.IsStartElement;
            if (element == typeof(Row))
            {
                if (!start)
                {
                    yield return (rowNumber, values);
                    continue;
                }
                rowNumber = Attribute(reader, "r") is { } r && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : rowNumber + 1;
                values.Clear();
                column = -1;
            }
            else if (element == typeof(Cell))
            {
                if (start)
                {
                    column = Attribute(reader, "r") is { } reference ? CellReference.ColumnIndex(reference) : column + 1;
                    type = Attribute(reader, "t");
                    (raw, inCell, hasInline) = (null, true, false);
                    text.Clear();
                    continue;
                }
                inCell = false;
                if (column >= 0 && Value(type, raw, hasInline ? text.ToString() : null, sharedStrings) is { } value)
                {
                    while (values.Count <= column)
                    {
                        values.Add(null);
                    }
                    values[column] = value;
                }
            }
            else if (!inCell)
            {
                continue;
            }
            else if (element == typeof(CellValue))
            {
                raw = start ? reader.GetText() : raw;
            }
            else if (element == typeof(InlineString))
            {
                (inInline, hasInline) = (start, true);
            }
            else if (element == typeof(PhoneticRun))
            {
                inPhonetic = start;
            }
            else if (element == typeof(SheetText) && start && inInline && !inPhonetic)
            {
                text.Append(reader.GetText());
            }
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

    /// <param name="type">The cell's <c>t</c>.</param>
    /// <param name="raw">The text of its <c>v</c>, if any.</param>
    /// <param name="inline">The text of its <c>is</c>, if any.</param>
    /// <param name="sharedStrings">The workbook's shared strings.</param>
    private static object? Value(string? type, string? raw, string? inline, IReadOnlyList<string> sharedStrings) => type switch
    {
        "inlineStr" => inline is null ? null : ExcelText.Decode(inline),
        "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count ? sharedStrings[index] : null,
        "str" or "e" => raw is null ? null : ExcelText.Decode(raw),
        "b" => raw is null ? null : raw.Trim() == "1",
        "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : raw,
        _ => raw is null ? null : double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : raw,
    };

    /// <summary>The value of the unqualified attribute <paramref name="name"/> of the reader's element, or null.</summary>
    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name && attribute.NamespaceUri.Length == 0)
            {
                return attribute.Value;
            }
        }
        return null;
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
