using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>Writes the Links sheet: one row per link, internal (into the archive) or external.</summary>
internal static class LinksSheetWriter
{
    public const string Internal = "internal";
    public const string External = "external";
    public static readonly string[] Headers = ["article_id", "text", "url", "kind"];

    public static void Write(ExcelWorksheet sheet, List<LinkRow> rows, ExcelCatalogOptions options, List<ProblemRow> problems)
    {
        var table = new TableSheet(sheet, Headers, [ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text], options.MaxColumnWidth);
        var count = CatalogWorkbook.Fit(rows.Count, CatalogWorkbook.LinksSheet, problems);
        for (var i = 0; i < count; i++)
        {
            var link = rows[i];
            var r = table.NextRow();
            table.Text(r, 0, link.ArticleId);
            table.Text(r, 1, link.Text);
            table.Text(r, 2, link.Url);
            table.Text(r, 3, link.Internal ? Internal : External);
        }
        table.Finish(CatalogWorkbook.LinksSheet, options.TableStyle);
        sheet.View.FreezePanes(2, 1);
    }
}
