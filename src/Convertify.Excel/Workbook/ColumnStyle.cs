using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>The cell style of a table column: date format, hyperlink look, wrapping, and every cell at the top of its row.</summary>
internal static class ColumnStyle
{
    private static readonly System.Drawing.Color LinkColor = System.Drawing.Color.FromArgb(0x05, 0x63, 0xC1);

    /// <summary>Gives <paramref name="cell"/> the column's style.</summary>
    public static void Apply(ExcelRange cell, ColumnKind kind, bool wrap)
    {
        switch (kind)
        {
            case ColumnKind.DateTime:
                cell.Style.Numberformat.Format = ExcelDates.Format;
                break;
            case ColumnKind.Link or ColumnKind.Address:
                cell.Style.Font.UnderLine = true;
                cell.Style.Font.Color.SetColor(LinkColor);
                break;
        }
        // A row is as tall as its wrapped text (RowLines): every cell starts at its top, so the row reads as one.
        cell.Style.VerticalAlignment = OfficeOpenXml.Style.ExcelVerticalAlignment.Top;
        if (wrap)
        {
            cell.Style.WrapText = true;
        }
    }
}
