namespace Convertify.Excel;

/// <summary>
/// Writes the rows of a streamed table as SpreadsheetML: text as inline strings (<c>t="inlineStr"</c>, never a formula,
/// no shared-string table to hold), numbers and serial dates as values, each cell with its column's style index.
/// </summary>
internal sealed class SheetDataWriter : ICellVisitor
{
    private readonly Utf8XmlWriter _xml;
    private readonly byte[][] _columnNames;
    private readonly int[] _styles;
    private readonly byte[] _row = new byte[16];
    private int _rowLength;

    /// <param name="xml">The worksheet part being written.</param>
    /// <param name="styles">The style index of each column's cells (0 is the default style).</param>
    public SheetDataWriter(Utf8XmlWriter xml, int[] styles)
    {
        _xml = xml;
        _styles = styles;
        _columnNames = Enumerable.Range(0, styles.Length).Select(CellReference.Utf8ColumnName).ToArray();
    }

    /// <summary>The header row (row 1) in the default style.</summary>
    public void Header(IReadOnlyList<string> headers)
    {
        BeginRow(1);
        for (var i = 0; i < headers.Count; i++)
        {
            InlineString(i, headers[i], 0);
        }
        EndRow();
    }

    public void BeginRow(int rowNumber)
    {
        rowNumber.TryFormat(_row, out _rowLength, default, System.Globalization.CultureInfo.InvariantCulture);
        _xml.Raw("<row r=\""u8);
        _xml.Raw(_row.AsSpan(0, _rowLength));
        _xml.Raw("\">"u8);
    }

    public void EndRow() => _xml.Raw("</row>"u8);

    public void Text(int column, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            InlineString(column, value, _styles[column]);
        }
    }

    public void Number(int column, int value)
    {
        BeginCell(column, _styles[column]);
        _xml.Raw("><v>"u8);
        _xml.Number(value);
        _xml.Raw("</v></c>"u8);
    }

    public void DateTime(int column, DateTime value)
    {
        if (!ExcelDates.IsRepresentable(value))
        {
            Text(column, ExcelDates.AsText(value));
            return;
        }
        BeginCell(column, _styles[column]);
        _xml.Raw("><v>"u8);
        _xml.Number(value.ToOADate());
        _xml.Raw("</v></c>"u8);
    }

    /// <summary>The link's text; the hyperlink itself is in the sheet's <c>hyperlinks</c> element.</summary>
    public void Link(int column, string? text, string? address, bool relative) => Text(column, text);

    private void InlineString(int column, string value, int style)
    {
        BeginCell(column, style);
        // Excel trims leading and trailing white space and may fold line breaks unless told to preserve them.
        _xml.Raw(NeedsPreserve(value) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">"u8 : " t=\"inlineStr\"><is><t>"u8);
        _xml.Text(value);
        _xml.Raw("</t></is></c>"u8);
    }

    private void BeginCell(int column, int style)
    {
        _xml.Raw("<c r=\""u8);
        _xml.Raw(_columnNames[column]);
        _xml.Raw(_row.AsSpan(0, _rowLength));
        _xml.Raw("\""u8);
        if (style != 0)
        {
            _xml.Raw(" s=\""u8);
            _xml.Number(style);
            _xml.Raw("\""u8);
        }
    }

    private static bool NeedsPreserve(string value) =>
        char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.AsSpan().IndexOfAny('\n', '\t') >= 0;
}
