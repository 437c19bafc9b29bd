using Convertify.Text;
using OfficeOpenXml;
using OfficeOpenXml.Table;

namespace Convertify.Excel;

/// <summary>
/// Writes one header row and typed data rows to a worksheet region, measures column widths as it goes
/// (EPPlus' AutoFitColumns needs GDI+), and finishes the region as an Excel table.
/// </summary>
internal sealed class TableSheet
{
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    private const int DateTimeWidth = 17;
    private const double DefaultColumnWidth = 9.140625;
    private static readonly DateTime ExcelEarliest = new(1900, 3, 1);

    private readonly ExcelWorksheet _sheet;
    private readonly ColumnKind[] _kinds;
    private readonly int _firstColumn;
    private readonly int[] _widths;
    private readonly int _maxWidth;
    private int _lastRow = 1;

    public TableSheet(ExcelWorksheet sheet, IReadOnlyList<string> headers, IReadOnlyList<ColumnKind> kinds, int maxWidth, int firstColumn = 1)
    {
        _sheet = sheet;
        _kinds = kinds.ToArray();
        _firstColumn = firstColumn;
        _maxWidth = maxWidth;
        _widths = new int[headers.Count];
        // Without it EPPlus measures the default font through GDI+ on every column access.
        sheet.DefaultColWidth = DefaultColumnWidth;
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.SetValue(1, firstColumn + i, headers[i]);
            // Room for the filter button beside the header text.
            _widths[i] = Width(headers[i], maxWidth) + 3;
            if (_kinds[i] == ColumnKind.DateTime)
            {
                _widths[i] = Math.Max(_widths[i], DateTimeWidth);
            }
        }
    }

    public int ColumnCount => _widths.Length;

    /// <summary>The row the next <see cref="NextRow"/> returns.</summary>
    public int LastRow => _lastRow;

    public int NextRow() => ++_lastRow;

    public void Text(int row, int column, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        _sheet.SetValue(row, _firstColumn + column, value);
        Measure(column, value);
    }

    public void Number(int row, int column, double value)
    {
        _sheet.SetValue(row, _firstColumn + column, value);
        Measure(column, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Number(int row, int column, int value)
    {
        _sheet.SetValue(row, _firstColumn + column, Box(value));
        Measure(column, value);
    }

    public void DateTime(int row, int column, DateTime value)
    {
        if (value < ExcelEarliest)
        {
            // Excel has no dates before 1900: keep the value readable as text.
            Text(row, column, value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            return;
        }
        _sheet.SetValue(row, _firstColumn + column, value);
    }

    /// <summary>Text with a hyperlink; without a usable target the cell holds the text only.</summary>
    public void Link(int row, int column, string? text, Uri? target)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        Text(row, column, text);
        if (target is not null)
        {
            _sheet.Cells[row, _firstColumn + column].Hyperlink = target;
        }
    }

    /// <summary>Makes the region an Excel table with its own filter, applies column formats and widths.</summary>
    public void Finish(string tableName, string tableStyle)
    {
        // A table needs at least one data row.
        var lastRow = Math.Max(_lastRow, 2);
        var lastColumn = _firstColumn + _widths.Length - 1;
        var table = _sheet.Tables.Add(_sheet.Cells[1, _firstColumn, lastRow, lastColumn], tableName);
        table.ShowHeader = true;
        table.TableStyle = Enum.TryParse<TableStyles>(tableStyle, ignoreCase: true, out var style) ? style : TableStyles.Medium2;
        for (var i = 0; i < _widths.Length; i++)
        {
            var column = _firstColumn + i;
            _sheet.Column(column).Width = Math.Min(_widths[i], _maxWidth) + 1;
            var wrap = _widths[i] > _maxWidth;
            if (_lastRow < 2 || (!wrap && _kinds[i] is ColumnKind.Text or ColumnKind.Number))
            {
                continue;
            }
            // Style the first data cell, then give the whole column that style id in one pass: styling a range
            // property by property costs a pass over every cell per property.
            var first = _sheet.Cells[2, column];
            switch (_kinds[i])
            {
                case ColumnKind.DateTime:
                    first.Style.Numberformat.Format = DateTimeFormat;
                    break;
                case ColumnKind.Link:
                    first.Style.Font.UnderLine = true;
                    first.Style.Font.Color.SetColor(System.Drawing.Color.FromArgb(0x05, 0x63, 0xC1));
                    break;
            }
            if (wrap)
            {
                first.Style.WrapText = true;
            }
            if (_lastRow > 2)
            {
                _sheet.Cells[3, column, _lastRow, column].StyleID = first.StyleID;
            }
        }
    }

    // Small counts repeat on every row: share their boxes instead of allocating one per cell.
    private static readonly object[] Boxes = Enumerable.Range(0, 4096).Select(i => (object)i).ToArray();

    private static object Box(int value) => (uint)value < (uint)Boxes.Length ? Boxes[value] : value;

    private void Measure(int column, int value)
    {
        var digits = value < 0 ? 2 : 1;
        for (var v = Math.Abs((long)value); v >= 10; v /= 10) digits++;
        if (digits + 1 > _widths[column]) _widths[column] = digits + 1;
    }

    private void Measure(int column, string value)
    {
        if (_widths[column] > _maxWidth)
        {
            return;
        }
        var width = Width(value, _maxWidth) + 1;
        if (width > _widths[column])
        {
            _widths[column] = width;
        }
    }

    /// <summary>Display width of the widest line (wide East Asian characters count two), stopping past <paramref name="cap"/>.</summary>
    internal static int Width(string text, int cap)
    {
        var widest = 0;
        var line = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                line = 0;
                continue;
            }
            line += CjkText.IsWide(rune) ? 2 : 1;
            if (line > widest)
            {
                widest = line;
                if (widest > cap)
                {
                    return widest;
                }
            }
        }
        return widest;
    }
}
