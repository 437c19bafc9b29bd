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

    public static void Write(CatalogRows rows, Stream output, CatalogOptions options, ExcelCatalogOptions excelOptions)
    {
        var problems = new List<ProblemRow>(rows.Problems);
        var created = options.Created ?? DefaultCreated;
        using var package = new ExcelPackage();
        var workbook = package.Workbook;
        var duplicates = DuplicateFinder.Find(rows.Articles);
        ArticlesSheetWriter.Write(workbook.Worksheets.Add(ArticlesSheet), rows.Articles, duplicates, excelOptions, problems);
        if (excelOptions.IncludeImages)
        {
            ImagesSheetWriter.Write(workbook.Worksheets.Add(ImagesSheet), rows.Images, excelOptions, problems);
        }
        if (excelOptions.IncludeLinks)
        {
            LinksSheetWriter.Write(workbook.Worksheets.Add(LinksSheet), rows.Links, excelOptions, problems);
        }
        SitesSheetWriter.Write(workbook.Worksheets.Add(SitesSheet), rows.Articles, excelOptions);
        ProblemsSheetWriter.Write(workbook.Worksheets.Add(ProblemsSheet), problems, excelOptions);

        var properties = workbook.Properties;
        properties.Title = CellText.Safe(options.Title);
        properties.Created = created.UtcDateTime;
        properties.Modified = created.UtcDateTime;
        properties.Application = "Convertify";

        using var raw = new MemoryStream();
        package.SaveAs(raw);
        raw.Position = 0;
        DeterministicPackage.Copy(raw, output, created);
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
