using Convertify.Formats;
using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>Renders catalogue rows as a workbook: an EPPlus skeleton, then the package with the rows streamed in.</summary>
internal static class CatalogWorkbook
{
    /// <summary>Creation time stored when the options give none: fixed, never "now", so output is reproducible.</summary>
    public static readonly DateTimeOffset DefaultCreated = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string ArticlesSheet = "Articles";
    public const string ImagesSheet = "Images";
    public const string LinksSheet = "Links";
    public const string SitesSheet = "Sites";
    public const string ProblemsSheet = "Problems";

    // Excel's last row is 1,048,576; the first holds the header.
    internal const int MaxDataRows = 1_048_575;

    /// <summary>
    /// Writes the workbook. EPPlus builds the skeleton (styles, the Sites sheet and its chart, each table sheet's header,
    /// table, widths and frozen pane); the rows of the large tables are then streamed into the package.
    /// Consumes <paramref name="rows"/>: each list is emptied once its sheet is written, to free memory.
    /// </summary>
    public static void Write(CatalogRows rows, Stream output, CatalogOptions options, ExcelCatalogOptions excelOptions)
    {
        var created = options.Created ?? DefaultCreated;
        var problems = rows.Problems;
        // Every table is created before the Problems table: those that do not fit Excel's row limit add a problem.
        var streamed = new List<StreamedTable> { ArticlesTable.Create(rows.Articles, problems) };
        if (excelOptions.IncludeImages) streamed.Add(new ImagesTable(rows.Images, problems));
        if (excelOptions.IncludeLinks) streamed.Add(new LinksTable(rows.Links, problems));
        // Before the Problems table too: a sheet with more links than Excel takes adds a problem.
        streamed.ForEach(t => t.CollectHyperlinks(problems));
        streamed.Add(new ProblemsTable(problems));
        if (!excelOptions.IncludeImages) Drop(rows.Images);
        if (!excelOptions.IncludeLinks) Drop(rows.Links);
        var tables = streamed.Select(t => (Table: t, Widths: t.MeasureColumns(excelOptions.MaxColumnWidth))).ToList();

        // The skeleton holds no rows (a placeholder cell per styled column at most): it stays small. EPPlus stays for it (styles,
        // tables, the Sites chart): ~1 s of the ~14 s of CPU a 100,000-article catalogue takes (CatalogBench), the rest is
        // the rows; the Open XML SDK alone would need far more code for the same parts. See README.md.
        using var skeleton = new MemoryStream();
        using (var package = new ExcelPackage())
        {
            package.Compression = CompressionLevel.BestSpeed;
            var workbook = package.Workbook;
            foreach (var name in SheetOrder(excelOptions))
            {
                var sheet = workbook.Worksheets.Add(name);
                if (name == SitesSheet)
                {
                    SitesSheetWriter.Write(sheet, rows.Articles, excelOptions);
                }
                else
                {
                    var (table, widths) = tables.Single(t => t.Table.Name == name);
                    TableSkeleton.Write(sheet, table, widths, excelOptions.TableStyle);
                    (table as ArticlesTable)?.AddSelectDropdown(sheet);
                }
                PrintSetup.Apply(sheet);
            }
            var properties = workbook.Properties;
            properties.Title = CellText.Safe(options.Title);
            properties.Created = created.UtcDateTime;
            properties.Modified = created.UtcDateTime;
            properties.Application = "Convertify";
            package.SaveAs(skeleton);
        }
        CatalogPackage.Write(skeleton, tables, output, created);
    }

    private static IEnumerable<string> SheetOrder(ExcelCatalogOptions options)
    {
        yield return ArticlesSheet;
        if (options.IncludeImages) yield return ImagesSheet;
        if (options.IncludeLinks) yield return LinksSheet;
        yield return SitesSheet;
        yield return ProblemsSheet;
    }

    private static void Drop<T>(List<T> list)
    {
        list.Clear();
        list.TrimExcess();
    }

    /// <summary>How many of <paramref name="count"/> rows fit a sheet; records a problem for the rest.</summary>
    internal static int Fit(int count, string sheet, List<ProblemRow> problems)
    {
        if (count <= MaxDataRows)
        {
            return count;
        }
        problems.Insert(0, new ProblemRow("(catalogue)", string.Empty, ProblemRow.Warning, "excel.rows_truncated",
            $"{sheet}: {count - MaxDataRows:N0} row(s) beyond Excel's limit of {MaxDataRows + 1:N0} rows were left out"));
        return MaxDataRows;
    }
}
