using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Convertify.Excel;

/// <summary>
/// Writes the rows of a streamed table through an <see cref="OpenXmlWriter"/>: text as inline strings (<c>t="inlineStr"</c>,
/// never a formula, no shared-string table to hold), numbers and serial dates as values, each cell with its column's style.
/// One element of each kind is reused for every cell: only the attributes change.
/// </summary>
internal sealed class SheetRowsWriter : ICellVisitor
{
    private static readonly OpenXmlAttribute PreserveSpace = new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve");

    // Given explicitly: the overload without them asks the element for its (empty) declarations every time.
    private static readonly KeyValuePair<string, string>[] NoDeclarations = [];

    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly OpenXmlWriter _writer;
    private readonly string[] _columnNames;
    private readonly string?[] _styles;
    // Rows, cells and inline strings are written as elements that carry their name: a typed element (Row, Cell, …) looks
    // its prefix up in the SDK's metadata on every write, a tenth of a catalogue's time. The text elements stay typed:
    // OpenXmlWriter writes text only into leaf text elements.
    private readonly OpenXmlUnknownElement _row = Named("row");
    private readonly OpenXmlUnknownElement _cell = Named("c");
    private readonly OpenXmlUnknownElement _inline = Named("is");
    private readonly CellValue _value = new();
    private readonly SheetText _text = new();
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private string _rowNumber = string.Empty;

    /// <param name="writer">The worksheet part being written, inside its <c>sheetData</c>.</param>
    /// <param name="styles">The style index of each column's cells (null: the default style).</param>
    public SheetRowsWriter(OpenXmlWriter writer, string?[] styles)
    {
        _writer = writer;
        _styles = styles;
        _columnNames = Enumerable.Range(0, styles.Length).Select(CellReference.ColumnName).ToArray();
    }

    /// <summary>The header row (row 1) in the default style.</summary>
    public void Header(IReadOnlyList<string> headers)
    {
        BeginRow(1);
        for (var i = 0; i < headers.Count; i++)
        {
            InlineString(i, headers[i], null);
        }
        EndRow();
    }

    /// <summary>Starts row <paramref name="rowNumber"/>, as tall as <paramref name="lines"/> lines of text.</summary>
    public void BeginRow(int rowNumber, int lines = 1)
    {
        _rowNumber = rowNumber.ToString(CultureInfo.InvariantCulture);
        _attributes.Clear();
        _attributes.Add(Attribute("r", _rowNumber));
        if (lines > 1)
        {
            _attributes.Add(Attribute("ht", (lines * RowLines.LineHeight).ToString(CultureInfo.InvariantCulture)));
            _attributes.Add(Attribute("customHeight", "1"));
        }
        _writer.WriteStartElement(_row, _attributes, NoDeclarations);
    }

    public void EndRow() => _writer.WriteEndElement();

    public void Text(int column, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            InlineString(column, value, _styles[column]);
        }
    }

    public void Number(int column, int value) => Value(column, value.ToString(CultureInfo.InvariantCulture));

    public void DateTime(int column, DateTime value)
    {
        if (!ExcelDates.IsRepresentable(value))
        {
            Text(column, ExcelDates.AsText(value));
            return;
        }
        Value(column, value.ToOADate().ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The link's text; the hyperlink itself is in the sheet's <c>hyperlinks</c> element.</summary>
    public void Link(int column, string? text, string? address, bool relative) => Text(column, text);

    private void Value(int column, string value)
    {
        StartCell(column, _styles[column], null);
        _writer.WriteStartElement(_value);
        _writer.WriteString(value);
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void InlineString(int column, string value, string? style)
    {
        StartCell(column, style, "inlineStr");
        _writer.WriteStartElement(_inline, [], NoDeclarations);
        // Excel trims leading and trailing white space and may fold line breaks unless told to preserve them.
        if (NeedsPreserve(value))
        {
            _attributes.Clear();
            _attributes.Add(PreserveSpace);
            _writer.WriteStartElement(_text, _attributes, NoDeclarations);
        }
        else
        {
            _writer.WriteStartElement(_text);
        }
        _writer.WriteString(ExcelText.Escape(value));
        _writer.WriteEndElement();
        _writer.WriteEndElement();
        _writer.WriteEndElement();
    }

    private void StartCell(int column, string? style, string? type)
    {
        _attributes.Clear();
        _attributes.Add(Attribute("r", _columnNames[column] + _rowNumber));
        if (style is not null)
        {
            _attributes.Add(Attribute("s", style));
        }
        if (type is not null)
        {
            _attributes.Add(Attribute("t", type));
        }
        _writer.WriteStartElement(_cell, _attributes, NoDeclarations);
    }

    private static OpenXmlUnknownElement Named(string localName) => new("x", localName, SpreadsheetNamespace);

    /// <summary>An unqualified attribute, named without parsing a qualified name.</summary>
    private static OpenXmlAttribute Attribute(string name, string value) => new(string.Empty, name, string.Empty, value);

    private static bool NeedsPreserve(string value) =>
        char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.AsSpan().IndexOfAny('\n', '\t') >= 0;
}
