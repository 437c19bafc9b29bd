using System.Globalization;
using Convertify.Errors;
using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>Reads the rows back from a catalogue this writer produced (columns are found by their header names).</summary>
internal static class CatalogReader
{
    public static void Read(Stream input, string name, CatalogRows rows)
    {
        ExcelPackage package;
        try
        {
            package = new ExcelPackage(input);
        }
        catch (Exception e) when (e is not ConvertifyException)
        {
            throw new ConvertifyException($"{name}: not an Excel workbook ({e.Message})", e);
        }
        using (package)
        {
            var workbook = package.Workbook;
            var articles = workbook.Worksheets[CatalogWorkbook.ArticlesSheet]
                ?? throw new ConvertifyException($"{name}: not a Convertify catalogue (no {CatalogWorkbook.ArticlesSheet} sheet)");
            ReadArticles(articles, name, rows);
            if (workbook.Worksheets[CatalogWorkbook.ImagesSheet] is { } images)
            {
                ReadRows(images, name, ImagesTable.ColumnHeaders, c => rows.Images.Add(new ImageRow(
                    c.Text(0), c.Int(1), c.Text(2), c.Text(3), c.Text(4), c.Text(5))));
            }
            if (workbook.Worksheets[CatalogWorkbook.LinksSheet] is { } links)
            {
                ReadRows(links, name, LinksTable.ColumnHeaders, c => rows.Links.Add(new LinkRow(
                    c.Text(0), c.Text(1), c.Text(2), c.Text(3) == LinksTable.Internal)));
            }
            if (workbook.Worksheets[CatalogWorkbook.ProblemsSheet] is { } problems)
            {
                ReadRows(problems, name, ProblemsTable.ColumnHeaders, c => rows.Problems.Add(new ProblemRow(
                    c.Text(0), c.Text(1), c.Text(2), c.Text(3), c.Text(4))));
            }
        }
    }

    private static void ReadArticles(ExcelWorksheet sheet, string name, CatalogRows rows)
    {
        var headers = ArticleColumns.Base.Concat([ArticleColumns.Markdown, ArticleColumns.Word]).ToArray();
        var columns = HeaderColumns(sheet, headers);
        if (columns[0] == 0)
        {
            throw new ConvertifyException($"{name}: not a Convertify catalogue (the {CatalogWorkbook.ArticlesSheet} sheet has no '{ArticleColumns.Id}' column)");
        }
        var index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        ForEachRow(sheet, columns, c =>
        {
            int I(string header) => index[header];
            string? Optional(string header) => columns[I(header)] == 0 ? null : c.Text(I(header));
            rows.Articles.Add(new ArticleRow(
                c.Text(I(ArticleColumns.Id)),
                c.Text(I(ArticleColumns.Site)),
                c.Text(I(ArticleColumns.Source)),
                c.Text(I(ArticleColumns.Title)),
                c.Text(I(ArticleColumns.Url)),
                c.Date(I(ArticleColumns.Published)),
                ArticlesTable.ParseOffset(c.Text(I(ArticleColumns.Zone))),
                c.Text(I(ArticleColumns.DateSource)),
                c.Date(I(ArticleColumns.FeedTime)),
                c.Text(I(ArticleColumns.Author)),
                c.Text(I(ArticleColumns.Language)),
                c.Int(I(ArticleColumns.Characters)),
                c.Int(I(ArticleColumns.Paragraphs)),
                c.Int(I(ArticleColumns.Images)),
                c.Int(I(ArticleColumns.Links)),
                c.Text(I(ArticleColumns.LeadImage)),
                c.Text(I(ArticleColumns.Description)),
                c.Text(I(ArticleColumns.ContentHash)),
                c.Int(I(ArticleColumns.Warnings)),
                Optional(ArticleColumns.Markdown),
                Optional(ArticleColumns.Word)));
        });
    }

    private static void ReadRows(ExcelWorksheet sheet, string name, string[] headers, Action<RowCells> add)
    {
        var columns = HeaderColumns(sheet, headers);
        if (columns[0] == 0)
        {
            throw new ConvertifyException($"{name}: the {sheet.Name} sheet has no '{headers[0]}' column");
        }
        ForEachRow(sheet, columns, add);
    }

    /// <summary>The 1-based column of each header, 0 when absent.</summary>
    private static int[] HeaderColumns(ExcelWorksheet sheet, string[] headers)
    {
        var result = new int[headers.Length];
        var lastColumn = sheet.Dimension?.End.Column ?? 0;
        for (var column = 1; column <= lastColumn; column++)
        {
            var header = Convert.ToString(sheet.GetValue(1, column), CultureInfo.InvariantCulture);
            var i = Array.IndexOf(headers, header);
            if (i >= 0 && result[i] == 0)
            {
                result[i] = column;
            }
        }
        return result;
    }

    private static void ForEachRow(ExcelWorksheet sheet, int[] columns, Action<RowCells> add)
    {
        var lastRow = sheet.Dimension?.End.Row ?? 0;
        for (var row = 2; row <= lastRow; row++)
        {
            var cells = new RowCells(sheet, row, columns);
            // The first column is the key; an empty one is the placeholder row of an empty table.
            if (cells.Text(0).Length == 0)
            {
                continue;
            }
            add(cells);
        }
    }

    private readonly struct RowCells(ExcelWorksheet sheet, int row, int[] columns)
    {
        private object? Value(int i) => columns[i] == 0 ? null : sheet.GetValue(row, columns[i]);

        public string Text(int i) => CellText.Safe(Convert.ToString(Value(i), CultureInfo.InvariantCulture));

        public int Int(int i) => Value(i) switch
        {
            null => 0,
            double d => (int)d,
            int n => n,
            long l => (int)l,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            var other => Convert.ToInt32(other, CultureInfo.InvariantCulture),
        };

        public DateTime Date(int i) => Value(i) switch
        {
            DateTime d => d,
            double d => DateTime.FromOADate(d),
            string s when DateTime.TryParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
            _ => default,
        };
    }
}
