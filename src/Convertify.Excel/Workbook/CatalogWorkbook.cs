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
        // EPPlus' managed deflate is slow: use its fastest level (it ignores "none"); the re-packaging compresses
        // the parts again with the runtime's zlib.
        package.Compression = CompressionLevel.BestSpeed;
        var workbook = package.Workbook;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        void T(string what) { if (Environment.GetEnvironmentVariable("XL_TRACE") == "1") Console.Error.WriteLine($"{what}: {sw.ElapsedMilliseconds} ms"); }
        var duplicates = DuplicateFinder.Find(rows.Articles);
        T("dups");
        ArticlesSheetWriter.Write(workbook.Worksheets.Add(ArticlesSheet), rows.Articles, duplicates, excelOptions, problems);
        T("articles");
        if (excelOptions.IncludeImages)
        {
            ImagesSheetWriter.Write(workbook.Worksheets.Add(ImagesSheet), rows.Images, excelOptions, problems);
        }
        if (excelOptions.IncludeLinks)
        {
            LinksSheetWriter.Write(workbook.Worksheets.Add(LinksSheet), rows.Links, excelOptions, problems);
        }
        T("images+links");
        SitesSheetWriter.Write(workbook.Worksheets.Add(SitesSheet), rows.Articles, excelOptions);
        ProblemsSheetWriter.Write(workbook.Worksheets.Add(ProblemsSheet), problems, excelOptions);

        var properties = workbook.Properties;
        properties.Title = CellText.Safe(options.Title);
        properties.Created = created.UtcDateTime;
        properties.Modified = created.UtcDateTime;
        properties.Application = "Convertify";

        T("sites+problems");
        using var raw = TemporaryStream();
        package.SaveAs(raw);
        raw.Position = 0;
        T("save");
        DeterministicPackage.Copy(raw, output, created);
        T("rezip");
    }

    /// <summary>A scratch stream for the uncompressed package: memory would hold hundreds of megabytes for a large catalogue.</summary>
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
