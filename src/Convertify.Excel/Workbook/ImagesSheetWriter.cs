using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>Writes the Images sheet: one row per figure.</summary>
internal static class ImagesSheetWriter
{
    public static readonly string[] Headers = ["article_id", "position", "url", "alt", "caption", "credit"];

    public static void Write(ExcelWorksheet sheet, List<ImageRow> rows, ExcelCatalogOptions options, List<ProblemRow> problems)
    {
        var table = new TableSheet(sheet, Headers,
            [ColumnKind.Text, ColumnKind.Number, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text], options.MaxColumnWidth);
        var count = CatalogWorkbook.Fit(rows.Count, CatalogWorkbook.ImagesSheet, problems);
        for (var i = 0; i < count; i++)
        {
            var image = rows[i];
            var r = table.NextRow();
            table.Text(r, 0, image.ArticleId);
            table.Number(r, 1, image.Position);
            table.Text(r, 2, image.Url);
            table.Text(r, 3, image.Alt);
            table.Text(r, 4, image.Caption);
            table.Text(r, 5, image.Credit);
        }
        table.Finish(CatalogWorkbook.ImagesSheet, options.TableStyle);
        sheet.View.FreezePanes(2, 1);
    }
}
