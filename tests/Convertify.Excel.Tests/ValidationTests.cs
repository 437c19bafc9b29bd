using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Convertify.Excel.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void The_open_xml_validator_finds_no_errors()
    {
        ValidationErrors(SampleCatalog.Write()).ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_catalogue_validates()
    {
        ValidationErrors(CatalogFile.Write()).ShouldBeEmpty();
    }

    internal static List<string> ValidationErrors(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }
}
