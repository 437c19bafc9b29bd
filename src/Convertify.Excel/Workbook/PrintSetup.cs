using OfficeOpenXml;

namespace Convertify.Excel;

/// <summary>
/// How every sheet prints: landscape, one page wide (as many pages tall as it takes), the header row on every page, and the
/// sheet's name and the page number in the footer. Without it the Articles sheet prints one block of columns per page.
/// </summary>
internal static class PrintSetup
{
    public static void Apply(ExcelWorksheet sheet)
    {
        var printer = sheet.PrinterSettings;
        printer.Orientation = eOrientation.Landscape;
        printer.FitToPage = true;
        printer.FitToWidth = 1;
        // 0: as many pages tall as the rows need.
        printer.FitToHeight = 0;
        printer.RepeatRows = sheet.Cells["1:1"];
        sheet.HeaderFooter.OddFooter.LeftAlignedText = ExcelHeaderFooter.SheetName;
        sheet.HeaderFooter.OddFooter.RightAlignedText = $"Page {ExcelHeaderFooter.PageNumber} of {ExcelHeaderFooter.NumberOfPages}";
    }
}
