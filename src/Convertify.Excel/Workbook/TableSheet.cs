using OfficeOpenXml;
using OfficeOpenXml.Table;

namespace Convertify.Excel;

/// <summary>
/// Writes one header row and typed data rows of a small table into an EPPlus worksheet region, measures column widths
/// as it goes, and finishes the region as an Excel table. The large tables are streamed instead (<see cref="StreamedTable"/>).
/// </summary>
internal sealed class TableSheet
{
    /// <summary>Default column width; without it EPPlus measures the default font through GDI+ on every column access.</summary>
    public const double DefaultColumnWidth = 9.140625;

    private readonly ExcelWorksheet _sheet;
    private readonly ColumnKind[] _kinds;
    private readonly int _firstColumn;
    private readonly ColumnWidths _widths;
    private int _lastRow = 1;

    public TableSheet(ExcelWorksheet sheet, IReadOnlyList<string> headers, IReadOnlyList<ColumnKind> kinds, int maxWidth, int firstColumn = 1)
    {
        _sheet = sheet;
        _kinds = kinds.ToArray();
        _firstColumn = firstColumn;
        _widths = new ColumnWidths(headers, kinds, maxWidth);
        sheet.DefaultColWidth = DefaultColumnWidth;
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.SetValue(1, firstColumn + i, headers[i]);
        }
    }

    public int NextRow() => ++_lastRow;

    public void Text(int row, int column, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        _sheet.SetValue(row, _firstColumn + column, value);
        _widths.Text(column, value);
    }

    public void Number(int row, int column, double value)
    {
        _sheet.SetValue(row, _firstColumn + column, value);
        _widths.Number(column, value);
    }

    public void Number(int row, int column, int value)
    {
        _sheet.SetValue(row, _firstColumn + column, value);
        _widths.Number(column, value);
    }

    public void DateTime(int row, int column, DateTime value)
    {
        if (!ExcelDates.IsRepresentable(value))
        {
            Text(row, column, ExcelDates.AsText(value));
            return;
        }
        _sheet.SetValue(row, _firstColumn + column, value);
    }

    /// <summary>Makes the region an Excel table with its own filter, applies column formats and widths.</summary>
    public void Finish(string tableName, string tableStyle)
    {
        AddTable(_sheet, _firstColumn, _widths.Count, _lastRow - 1, tableName, tableStyle);
        for (var i = 0; i < _widths.Count; i++)
        {
            var column = _firstColumn + i;
            _sheet.Column(column).Width = _widths.Of(i);
            var wrap = _widths.Wraps(i);
            if (_lastRow < 2)
            {
                continue;
            }
            // Style the first data cell, then give the whole column that style id in one pass: styling a range
            // property by property costs a pass over every cell per property.
            var first = _sheet.Cells[2, column];
            ColumnStyle.Apply(first, _kinds[i], wrap);
            if (_lastRow > 2)
            {
                _sheet.Cells[3, column, _lastRow, column].StyleID = first.StyleID;
            }
        }
    }

    /// <summary>Adds a table over the header row and <paramref name="rows"/> data rows (at least one: a table needs one).</summary>
    internal static void AddTable(ExcelWorksheet sheet, int firstColumn, int columns, int rows, string tableName, string tableStyle)
    {
        var lastRow = Math.Max(rows + 1, 2);
        var table = sheet.Tables.Add(sheet.Cells[1, firstColumn, lastRow, firstColumn + columns - 1], tableName);
        table.ShowHeader = true;
        table.TableStyle = Enum.TryParse<TableStyles>(tableStyle, ignoreCase: true, out var style) ? style : TableStyles.Medium2;
    }
}
