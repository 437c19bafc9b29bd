using System.Globalization;

namespace Convertify.Excel;

/// <summary>Which date-times a cell holds as a date, and the text shown for the others.</summary>
internal static class ExcelDates
{
    /// <summary>The cell format of date-time columns.</summary>
    public const string Format = "yyyy-mm-dd hh:mm";

    /// <summary>Width of a date-time column in characters.</summary>
    public const int Width = 17;

    // Excel's serial dates start in 1900, and its 1900 leap-year bug makes the first two months ambiguous.
    private static readonly DateTime Earliest = new(1900, 3, 1);

    public static bool IsRepresentable(DateTime value) => value >= Earliest;

    /// <summary>The text that stands in for a date Excel cannot hold.</summary>
    public static string AsText(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
