using System.Globalization;
using System.Xml;
using Convertify.Errors;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Convertify.Excel;

/// <summary>
/// Reads the rows back from a catalogue this writer produced (columns are found by their header names). The sheets are
/// read as a stream of rows, so reading costs little more memory than the rows it returns.
/// </summary>
internal static class CatalogReader
{
    public static void Read(Stream input, string name, CatalogRows rows)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(input, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("the package has no workbook");
            var shared = workbook.SharedStringTablePart is { } sharedPart ? SheetRows.SharedStrings(sharedPart) : [];
            var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            WorksheetPart? Sheet(string sheetName) =>
                sheets.FirstOrDefault(s => s.Name?.Value == sheetName)?.Id?.Value is { } id ? workbook.GetPartById(id) as WorksheetPart : null;

            var articles = Sheet(CatalogWorkbook.ArticlesSheet)
                ?? throw new ConvertifyException($"{name}: not a Convertify catalogue (no {CatalogWorkbook.ArticlesSheet} sheet)");
            ReadArticles(articles, shared, name, rows);
            if (Sheet(CatalogWorkbook.ImagesSheet) is { } images)
            {
                ReadRows(images, shared, name, CatalogWorkbook.ImagesSheet, ImagesTable.ColumnHeaders, c => rows.Images.Add(new ImageRow(
                    c.Text(0), c.Int(1), c.Text(2), c.Text(3), c.Text(4), c.Text(5))));
            }
            if (Sheet(CatalogWorkbook.LinksSheet) is { } links)
            {
                ReadRows(links, shared, name, CatalogWorkbook.LinksSheet, LinksTable.ColumnHeaders, c => rows.Links.Add(new LinkRow(
                    c.Text(0), c.Text(1), c.Text(2), c.Text(3) == LinksTable.Internal)));
            }
            if (Sheet(CatalogWorkbook.ProblemsSheet) is { } problems)
            {
                ReadRows(problems, shared, name, CatalogWorkbook.ProblemsSheet, ProblemsTable.ColumnHeaders, c =>
                {
                    // The merged catalogue counts its own capped hyperlinks; the input's count would be said twice.
                    if (c.Text(3) != StreamedTable.HyperlinksCappedCode)
                    {
                        rows.Problems.Add(new ProblemRow(c.Text(0), c.Text(1), c.Text(2), c.Text(3), c.Text(4)));
                    }
                });
            }
        }
        // The SDK refuses a package with a relationship to a missing part with an InvalidOperationException.
        catch (Exception e) when (e is InvalidDataException or XmlException or OpenXmlPackageException or FileFormatException or InvalidOperationException)
        {
            throw new ConvertifyException($"{name}: not an Excel workbook ({e.Message})", e);
        }
    }

    private static void ReadArticles(WorksheetPart sheet, IReadOnlyList<string> shared, string name, CatalogRows rows)
    {
        // The key (id) first: select, the optional columns last.
        var headers = ArticleColumns.Base.Where(h => h != ArticleColumns.Select).Concat([ArticleColumns.Markdown, ArticleColumns.Word, ArticleColumns.Select]).ToArray();
        var index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);
        int I(string header) => index[header];
        // The original source's address is only in its cell's hyperlink: the rows that name a source, by sheet row.
        var sourceRows = new Dictionary<int, int>();
        var sourceLinks = new List<(string Reference, string Id)>();
        var sourceColumn = -1;
        var found = ForEachRow(sheet, shared, headers, (c, columns, row) =>
        {
            string? Optional(string header) => columns[I(header)] < 0 ? null : c.Text(I(header));
            sourceColumn = columns[I(ArticleColumns.OriginalSource)];
            if (c.Text(I(ArticleColumns.OriginalSource)).Length > 0)
            {
                sourceRows[row] = rows.Articles.Count;
            }
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
                c.Text(I(ArticleColumns.OriginalSource)),
                null,
                c.Text(I(ArticleColumns.Tags)),
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
                Optional(ArticleColumns.Word),
                CatalogSelection.IsMarked(Optional(ArticleColumns.Select))));
        }, (reference, id) => sourceLinks.Add((reference, id)));
        if (!found)
        {
            throw new ConvertifyException($"{name}: not a Convertify catalogue (the {CatalogWorkbook.ArticlesSheet} sheet has no '{ArticleColumns.Id}' column)");
        }
        AddSourceUrls(sheet, sourceColumn, sourceRows, sourceLinks, rows.Articles);
    }

    /// <summary>Gives the rows that name an original source the address their <c>original_source</c> cell links to.</summary>
    private static void AddSourceUrls(WorksheetPart sheet, int column, Dictionary<int, int> sourceRows, List<(string Reference, string Id)> links, List<ArticleRow> articles)
    {
        if (sourceRows.Count == 0 || links.Count == 0)
        {
            return;
        }
        var targets = sheet.HyperlinkRelationships.ToDictionary(r => r.Id, r => r.Uri.OriginalString, StringComparer.Ordinal);
        foreach (var (reference, id) in links)
        {
            var letters = reference.TakeWhile(char.IsAsciiLetterUpper).Count();
            if (!int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var row) ||
                !sourceRows.TryGetValue(row, out var article) || !targets.TryGetValue(id, out var target))
            {
                continue;
            }
            if (CellReference.ColumnIndex(reference) == column)
            {
                articles[article] = articles[article] with { OriginalSourceUrl = CellText.Safe(target) };
            }
        }
    }

    private static void ReadRows(WorksheetPart sheet, IReadOnlyList<string> shared, string name, string sheetName, string[] headers, Action<RowCells> add)
    {
        if (!ForEachRow(sheet, shared, headers, (c, _, _) => add(c)))
        {
            throw new ConvertifyException($"{name}: the {sheetName} sheet has no '{headers[0]}' column");
        }
    }

    /// <summary>
    /// Finds the columns of <paramref name="headers"/> in row 1, then passes every later row whose first column (the key)
    /// is not empty; an empty key is the placeholder row of an empty table. False when row 1 has no key column.
    /// </summary>
    private static bool ForEachRow(WorksheetPart sheet, IReadOnlyList<string> shared, string[] headers, Action<RowCells, int[], int> add,
        Action<string, string>? hyperlink = null)
    {
        int[]? columns = null;
        foreach (var (row, values) in SheetRows.Read(sheet, shared, hyperlink))
        {
            if (row == 1)
            {
                columns = HeaderColumns(values, headers);
                continue;
            }
            if (columns is null || columns[0] < 0)
            {
                break;
            }
            var cells = new RowCells(values, columns);
            if (cells.Text(0).Length > 0)
            {
                add(cells, columns, row);
            }
        }
        return columns is not null && columns[0] >= 0;
    }

    /// <summary>The 0-based column of each header, -1 when absent.</summary>
    private static int[] HeaderColumns(IReadOnlyList<object?> row, string[] headers)
    {
        var result = Enumerable.Repeat(-1, headers.Length).ToArray();
        for (var column = 0; column < row.Count; column++)
        {
            var i = Array.IndexOf(headers, Convert.ToString(row[column], CultureInfo.InvariantCulture));
            if (i >= 0 && result[i] < 0)
            {
                result[i] = column;
            }
        }
        return result;
    }

    private readonly struct RowCells(IReadOnlyList<object?> values, int[] columns)
    {
        private object? Value(int i) => columns[i] < 0 || columns[i] >= values.Count ? null : values[columns[i]];

        public string Text(int i) => CellText.Safe(Convert.ToString(Value(i), CultureInfo.InvariantCulture));

        public int Int(int i) => Value(i) switch
        {
            double d when d is >= int.MinValue and <= int.MaxValue => (int)d,
            string s when int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            bool b => b ? 1 : 0,
            _ => 0,
        };

        public DateTime Date(int i) => Value(i) switch
        {
            DateTime d => d,
            // Excel's serial dates run from 100-01-01 to 9999-12-31.
            double d when d is > -657435.0 and < 2958466.0 => DateTime.FromOADate(d),
            string s when DateTime.TryParseExact(s, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
            _ => default,
        };
    }
}
