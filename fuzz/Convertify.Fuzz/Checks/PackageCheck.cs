using DocumentFormat.OpenXml.Packaging;

namespace Convertify.Fuzz;

/// <summary>Opens a written package read-only with the Open XML SDK and loads its main parts; throws if it cannot.</summary>
internal static class PackageCheck
{
    public static void OpenDocx(MemoryStream package)
    {
        package.Position = 0;
        try
        {
            using var document = WordprocessingDocument.Open(package, false);
            var body = document.MainDocumentPart?.Document?.Body ?? throw new OutputCheckException("docx: no document body");
            // Reading the text walks (and so parses) every element of the body.
            _ = body.InnerText.Length;
        }
        catch (Exception e) when (e is not OutputCheckException)
        {
            throw new OutputCheckException($"docx does not open: {e.GetType().Name}: {e.Message}", e);
        }
    }

    public static void OpenXlsx(MemoryStream package)
    {
        package.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(package, false);
            var workbook = document.WorkbookPart ?? throw new OutputCheckException("xlsx: no workbook part");
            if (workbook.Workbook?.Sheets?.ChildElements.Count is not > 0)
            {
                throw new OutputCheckException("xlsx: the workbook lists no sheet");
            }
            foreach (var sheet in workbook.WorksheetParts)
            {
                _ = (sheet.Worksheet ?? throw new OutputCheckException("xlsx: a worksheet part has no worksheet")).InnerText.Length;
            }
            _ = workbook.SharedStringTablePart?.SharedStringTable?.InnerText.Length;
        }
        catch (Exception e) when (e is not OutputCheckException)
        {
            throw new OutputCheckException($"xlsx does not open: {e.GetType().Name}: {e.Message}", e);
        }
    }
}
