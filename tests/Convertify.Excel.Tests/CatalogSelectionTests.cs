using System.Text.Json;
using Convertify.Errors;
using Convertify.Testing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OfficeOpenXml;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

/// <summary>The Articles sheet's <c>select</c> column, its dropdown, and reading an editor's marks back.</summary>
public sealed class CatalogSelectionTests
{
    [Fact]
    public void The_select_column_comes_first_with_a_blank_or_x_dropdown_over_the_data_rows()
    {
        var bytes = Write(Make("1"), Make("2"), Make("3"));
        using (var package = Open(bytes))
        {
            var sheet = package.Workbook.Worksheets["Articles"];
            sheet.Cells[1, 1].Value.ShouldBe("select");
            sheet.Cells[1, 2].Value.ShouldBe("id");
            Enumerable.Range(2, 3).Select(r => sheet.Cells[r, 1].Value).ShouldAllBe(v => v == null);
        }
        var validation = Named(PartXml(bytes, "xl/worksheets/sheet1.xml"), "dataValidation").Single();
        validation.Attribute("type")!.Value.ShouldBe("list");
        validation.Attribute("allowBlank")!.Value.ShouldBe("1");
        validation.Attribute("sqref")!.Value.ShouldBe("A2:A4");
        Named(validation, "formula1").Single().Value.ShouldBe("\"x\"");
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void A_catalogue_without_articles_has_no_dropdown_and_validates()
    {
        var bytes = Write();
        Named(PartXml(bytes, "xl/worksheets/sheet1.xml"), "dataValidations").ShouldBeEmpty();
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void Openpyxl_sees_the_dropdown_and_the_rows_it_marks_are_read_in_sheet_order()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        using var folder = TestPaths.NewTemporaryFolder();
        var path = WriteFile(folder.Path, Write(Make("1"), Make("2"), Make("3"), Make("4")));
        // Marks rows 2, 4 and 5 (one with a stray value and spaces), then swaps the ids of rows 2 and 5 as a sort would.
        const string script = """
            import json, sys
            import openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Articles"]
            dv = ws.data_validations.dataValidation
            out = {"validations": [[d.type, d.formula1, str(d.sqref), d.allow_blank] for d in dv]}
            ws["A2"] = "x"; ws["A4"] = " yes "; ws["A5"] = "X"
            ws["B2"], ws["B5"] = ws["B5"].value, ws["B2"].value
            wb.save(sys.argv[1])
            print(json.dumps(out))
            """;
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", script, path], timeout: TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var validation = json.RootElement.GetProperty("validations").EnumerateArray().Single();
        validation[0].GetString().ShouldBe("list");
        validation[1].GetString().ShouldBe("\"x\"");
        validation[2].GetString().ShouldBe("A2:A5");
        validation[3].GetBoolean().ShouldBeTrue();

        // openpyxl (3.0) writes its texts as inline strings.
        Part(File.ReadAllBytes(path), "xl/worksheets/sheet1.xml").ShouldContain("<is><t>x</t></is>");
        CatalogSelection.ReadFile(path).ShouldBe(["voa/4", "voa/3", "voa/1"]);
    }

    [Fact]
    public void A_merge_keeps_the_marks()
    {
        var marked = Mark(Write(Make("1"), Make("2")), "voa/2");
        var other = Mark(Write(Make("3"), Make("4")), "voa/3");
        CatalogSelection.Read(new MemoryStream(marked), "marked.xlsx").ShouldBe(["voa/2"]);
        using var merged = new MemoryStream();
        new CatalogMerger().Merge([new MemoryStream(marked), new MemoryStream(other)], merged);

        var bytes = merged.ToArray();
        CatalogSelection.Read(new MemoryStream(bytes), "merged.xlsx").ShouldBe(["voa/2", "voa/3"]);
        Named(PartXml(bytes, "xl/worksheets/sheet1.xml"), "dataValidation").Single().Attribute("sqref")!.Value.ShouldBe("A2:A5");
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void Shared_strings_and_a_select_column_anywhere_are_read()
    {
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Articles");
        object?[][] cells = [["id", "title", "select"], ["voa/9", "Nine", "x"], ["voa/8", "Eight", null], ["voa/7", "Seven", 1d]];
        for (var r = 0; r < cells.Length; r++)
        for (var c = 0; c < cells[r].Length; c++) sheet.SetValue(r + 1, c + 1, cells[r][c]);
        var bytes = package.GetAsByteArray();
        Part(bytes, "xl/sharedStrings.xml").ShouldContain("voa/9");
        CatalogSelection.Read(new MemoryStream(bytes), "book.xlsx").ShouldBe(["voa/9", "voa/7"]);
    }

    [Fact]
    public void A_file_that_is_not_an_xlsx_is_one_line_naming_it()
    {
        var error = Should.Throw<ConvertifyException>(() => CatalogSelection.Read(new MemoryStream("id,select\nvoa/1,x\n"u8.ToArray()), "picked.csv"));
        error.Message.ShouldStartWith("picked.csv: not an xlsx workbook");
        error.Message.ShouldNotContain('\n');
    }

    [Fact]
    public void A_catalogue_without_the_select_column_says_to_write_it_again()
    {
        var error = Should.Throw<ConvertifyException>(() => CatalogSelection.Read(new MemoryStream(Workbook("Articles", ["id", "title"])), "old.xlsx"));
        error.Message.ShouldBe("old.xlsx: the Articles sheet has no 'select' column: write it with a newer convertify batch");
    }

    [Fact]
    public void A_workbook_without_an_Articles_sheet_is_not_a_catalogue()
    {
        var error = Should.Throw<ConvertifyException>(() => CatalogSelection.Read(new MemoryStream(Workbook("Sheet1", ["select", "id"])), "book.xlsx"));
        error.Message.ShouldBe("book.xlsx: not a Convertify catalogue (no Articles sheet)");
    }

    [Fact]
    public void A_catalogue_with_no_row_marked_is_an_error()
    {
        var error = Should.Throw<ConvertifyException>(() => CatalogSelection.Read(new MemoryStream(Write(Make("1"))), "catalog.xlsx"));
        error.Message.ShouldBe("catalog.xlsx: no article is marked in the 'select' column");
    }

    /// <summary>The catalogue with the <c>select</c> cell (column A) of the rows of <paramref name="ids"/> (column B) set to <c>x</c>.</summary>
    private static byte[] Mark(byte[] catalogue, params string[] ids)
    {
        var stream = new MemoryStream();
        stream.Write(catalogue);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheetData = document.WorkbookPart!.WorksheetParts.First(p => p.Uri.OriginalString.EndsWith("sheet1.xml", StringComparison.Ordinal))
                .Worksheet.GetFirstChild<SheetData>()!;
            foreach (var row in sheetData.Elements<Row>().Where(r => ids.Contains(r.Elements<Cell>().First().InlineString?.InnerText)))
            {
                row.PrependChild(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("x"))) { CellReference = "A" + row.RowIndex!.Value, DataType = CellValues.InlineString });
            }
        }
        return stream.ToArray();
    }

    private static byte[] Workbook(string sheetName, string[] headers)
    {
        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add(sheetName);
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.SetValue(1, i + 1, headers[i]);
            sheet.SetValue(2, i + 1, "x");
        }
        return package.GetAsByteArray();
    }
}
