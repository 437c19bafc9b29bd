using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>
/// Writes everything of a streamed table's sheet except its rows into an EPPlus worksheet: the header, the table
/// (its range covers every row that will be streamed), column widths, the frozen header, and one placeholder cell per
/// column in row 2 so that EPPlus registers the cell styles. <see cref="StreamedSheet"/> reads the saved
/// sheet back and learns the style indexes from the placeholders; the streamed rows replace them.
/// </summary>
internal static class TableSkeleton
{
    public static void Write(ExcelWorksheet sheet, StreamedTable table, ColumnWidths widths, string tableStyle)
    {
        sheet.DefaultColWidth = TableSheet.DefaultColumnWidth;
        for (var i = 0; i < table.Headers.Length; i++)
        {
            sheet.SetValue(1, i + 1, table.Headers[i]);
        }
        TableSheet.AddTable(sheet, 1, table.Headers.Length, table.RowCount, table.Name, tableStyle);
        for (var i = 0; i < table.Headers.Length; i++)
        {
            sheet.Column(i + 1).Width = widths.Of(i);
            var wrap = widths.Wraps(i);
            if (table.RowCount > 0)
            {
                var placeholder = sheet.Cells[2, i + 1];
                placeholder.Value = 0;
                ColumnStyle.Apply(placeholder, table.Kinds[i], wrap);
            }
        }
        sheet.View.FreezePanes(2, 1);
    }

    /// <summary>Whether column <paramref name="column"/> has a placeholder whose style the rows take (every column of a table with rows).</summary>
    public static bool HasPlaceholder(StreamedTable table, ColumnWidths widths, int column) => table.RowCount > 0;
}
