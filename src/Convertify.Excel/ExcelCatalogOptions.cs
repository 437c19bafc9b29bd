namespace Convertify.Excel;

/// <summary>Options of the Excel catalogue writer.</summary>
/// <param name="MaxColumnWidth">Widest a column gets, in characters; wider content wraps.</param>
/// <param name="IncludeImages">Write the Images sheet (one row per figure).</param>
/// <param name="IncludeLinks">Write the Links sheet (one row per link).</param>
/// <param name="IncludeChart">Draw a chart of articles per month on the Sites sheet.</param>
/// <param name="TableStyle">Name of the Excel table style (an <see cref="OfficeOpenXml.Table.TableStyles"/> member name).</param>
public sealed record ExcelCatalogOptions(
    int MaxColumnWidth = 60,
    bool IncludeImages = true,
    bool IncludeLinks = true,
    bool IncludeChart = true,
    string TableStyle = "Medium2")
{
    /// <summary>The defaults.</summary>
    public static ExcelCatalogOptions Default { get; } = new();
}
