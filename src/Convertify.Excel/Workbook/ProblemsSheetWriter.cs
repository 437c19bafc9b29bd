using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>Writes the Problems sheet: every warning and error, per input.</summary>
internal static class ProblemsSheetWriter
{
    public static readonly string[] Headers = ["source", "article_id", "severity", "code", "message"];

    public static void Write(ExcelWorksheet sheet, List<ProblemRow> rows, ExcelCatalogOptions options)
    {
        var table = new TableSheet(sheet, Headers, [ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text], options.MaxColumnWidth);
        var count = Math.Min(rows.Count, CatalogWorkbook.MaxDataRows);
        for (var i = 0; i < count; i++)
        {
            var problem = rows[i];
            var r = table.NextRow();
            table.Text(r, 0, problem.Source);
            table.Text(r, 1, problem.ArticleId);
            table.Text(r, 2, problem.Severity);
            table.Text(r, 3, problem.Code);
            table.Text(r, 4, problem.Message);
        }
        table.Finish(CatalogWorkbook.ProblemsSheet, options.TableStyle);
        sheet.View.FreezePanes(2, 1);
    }
}
