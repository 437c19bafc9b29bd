using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>The cell style of a table column: date format, hyperlink look, wrapping.</summary>
internal static class ColumnStyle
{
    private static readonly System.Drawing.Color LinkColor = System.Drawing.Color.FromArgb(0x05, 0x63, 0xC1);

    /// <summary>True when cells of this column need a style other than the default.</summary>
    public static bool IsStyled(ColumnKind kind, bool wrap) => wrap || kind is ColumnKind.DateTime or ColumnKind.Link;

    /// <summary>Gives <paramref name="cell"/> the column's style.</summary>
    public static void Apply(ExcelRange cell, ColumnKind kind, bool wrap)
    {
        switch (kind)
        {
            case ColumnKind.DateTime:
                cell.Style.Numberformat.Format = ExcelDates.Format;
                break;
            case ColumnKind.Link:
                cell.Style.Font.UnderLine = true;
                cell.Style.Font.Color.SetColor(LinkColor);
                break;
        }
        if (wrap)
        {
            cell.Style.WrapText = true;
        }
    }
}
