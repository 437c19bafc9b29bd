using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Convertify.Robustness.Tests.Support;

/// <summary>Opens written packages with the Open XML SDK and lists schema errors and unsafe content.</summary>
internal static class OpenXmlCheck
{
    // OpenXmlValidator is not thread-safe: fuzz tests in parallel classes once reported phantom duplicate elements.
    private static readonly ThreadLocal<OpenXmlValidator> Validators = new(() => new OpenXmlValidator(FileFormatVersions.Office2019));

    private static OpenXmlValidator Validator => Validators.Value!;

    public static List<string> DocxProblems(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, false);
            var problems = Validator.Validate(document).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            foreach (var link in document.MainDocumentPart!.HyperlinkRelationships)
            {
                if (MarkdownSafety.IsScriptUrl(link.Uri.OriginalString))
                {
                    problems.Add($"hyperlink to script URL '{link.Uri.OriginalString}'");
                }
            }
            return problems;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FileFormatException)
        {
            return [$"the package does not open: {e.GetType().Name}: {e.Message}"];
        }
    }

    public static List<string> XlsxProblems(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, false);
            var problems = Validator.Validate(document).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            foreach (var sheet in document.WorkbookPart!.WorksheetParts)
            {
                // The catalogue writes values only: any formula would come from article text.
                var formulas = sheet.Worksheet.Descendants<CellFormula>().Count();
                if (formulas > 0)
                {
                    problems.Add($"{sheet.Uri}: {formulas} formula cell(s)");
                }
                foreach (var link in sheet.HyperlinkRelationships)
                {
                    if (MarkdownSafety.IsScriptUrl(link.Uri.OriginalString))
                    {
                        problems.Add($"{sheet.Uri}: hyperlink to script URL '{link.Uri.OriginalString}'");
                    }
                }
            }
            return problems;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or FileFormatException)
        {
            return [$"the package does not open: {e.GetType().Name}: {e.Message}"];
        }
    }
}
