using Convertify.Formats;
using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>Renders catalogue rows as a workbook with EPPlus, then re-packages it deterministically.</summary>
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

    /// <summary>Writes the workbook. Consumes <paramref name="rows"/>: lists are cleared once written, to free memory before saving.</summary>
    public static void Write(CatalogRows rows, Stream output, CatalogOptions options, ExcelCatalogOptions excelOptions)
    {
        var problems = new List<ProblemRow>(rows.Problems);
        var created = options.Created ?? DefaultCreated;
        using var package = new ExcelPackage();
        // EPPlus' managed deflate is slow and ignores "no compression": its fastest level costs a third of the
        // default's time for a somewhat larger file. The re-packaging copies the compressed parts as they are.
        package.Compression = CompressionLevel.BestSpeed;
        var workbook = package.Workbook;
        // Sheets are added in their final order, then filled so that each list of rows can be dropped once written.
        var articlesSheet = workbook.Worksheets.Add(ArticlesSheet);
        var imagesSheet = excelOptions.IncludeImages ? workbook.Worksheets.Add(ImagesSheet) : null;
        var linksSheet = excelOptions.IncludeLinks ? workbook.Worksheets.Add(LinksSheet) : null;
        var sitesSheet = workbook.Worksheets.Add(SitesSheet);
        var problemsSheet = workbook.Worksheets.Add(ProblemsSheet);
        rows.Problems.Clear();

        var duplicates = DuplicateFinder.Find(rows.Articles);
        ArticlesSheetWriter.Write(articlesSheet, rows.Articles, duplicates, excelOptions, problems);
        SitesSheetWriter.Write(sitesSheet, rows.Articles, excelOptions);
        Drop(rows.Articles);
        if (imagesSheet is not null)
        {
            ImagesSheetWriter.Write(imagesSheet, rows.Images, excelOptions, problems);
        }
        Drop(rows.Images);
        if (linksSheet is not null)
        {
            LinksSheetWriter.Write(linksSheet, rows.Links, excelOptions, problems);
        }
        Drop(rows.Links);
        ProblemsSheetWriter.Write(problemsSheet, problems, excelOptions);
        Drop(problems);

        var properties = workbook.Properties;
        properties.Title = CellText.Safe(options.Title);
        properties.Created = created.UtcDateTime;
        properties.Modified = created.UtcDateTime;
        properties.Application = "Convertify";

        using var raw = TemporaryStream();
        package.SaveAs(raw);
        raw.Position = 0;
        DeterministicPackage.Copy(raw, output, created);
    }

    private static void Drop<T>(List<T> list)
    {
        list.Clear();
        list.TrimExcess();
    }

    /// <summary>A scratch file for EPPlus' package (tens of megabytes for a large catalogue), so it is not held in memory at the peak.</summary>
    private static FileStream TemporaryStream() =>
        new(Path.Combine(Path.GetTempPath(), "convertify-" + Guid.NewGuid().ToString("N") + ".xlsx.tmp"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

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
