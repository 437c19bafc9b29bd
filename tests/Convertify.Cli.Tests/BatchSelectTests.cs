using System.Text.Json;
using Convertify.Testing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Convertify.Cli.Tests;

/// <summary><c>batch --select</c>: an editor marks rows of the catalogue batch wrote (with openpyxl here), and only those are exported.</summary>
public sealed class BatchSelectTests
{
    [Fact]
    public void A_catalogue_marked_by_openpyxl_drives_batch_select()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = CliRunner.CopyFixtureArchive(folder);
        var written = CliRunner.Run("batch", archive, "--to", "xlsx", "-o", folder.File("catalogue"), "--quiet");
        written.ExitCode.ShouldBe(0, written.ToString());
        var catalogue = folder.File("catalogue/catalog.xlsx");
        ValidationErrors(catalogue).ShouldBeEmpty();

        // Sorts the rows by id, descending, as an editor might; marks the 2nd and 5th, and adds a row for an id the archive lacks.
        const string script = """
            import json, sys
            import openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Articles"]
            header = [c.value for c in ws[1]]
            dv = ws.data_validations.dataValidation
            rows = sorted((list(r) for r in ws.iter_rows(min_row=2, values_only=True)), key=lambda r: r[1], reverse=True)
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    ws.cell(i + 2, j + 1).value = value
            ws.cell(3, 1).value = "x"
            ws.cell(6, 1).value = "x"
            ws.cell(len(rows) + 2, 1).value = "x"
            ws.cell(len(rows) + 2, 2).value = "nowhere/1"
            wb.save(sys.argv[2])
            print(json.dumps({"header": header[:2], "dropdowns": [[d.type, d.formula1, str(d.sqref)] for d in dv],
                              "marked": [rows[1][1], rows[4][1]], "rows": len(rows)}))
            """;
        var marked = folder.File("marked.xlsx");
        var edit = ProcessRunner.Run(ExternalClients.Python, ["-c", script, catalogue, marked], timeout: TimeSpan.FromMinutes(2));
        edit.ExitCode.ShouldBe(0, edit.ToString());
        using var json = JsonDocument.Parse(edit.StandardOutput);
        var root = json.RootElement;
        var rows = root.GetProperty("rows").GetInt32();
        rows.ShouldBe(CliRunner.FixtureArticles().Count);
        root.GetProperty("header").EnumerateArray().Select(e => e.GetString()).ShouldBe(["select", "id"]);
        root.GetProperty("dropdowns").EnumerateArray().Select(d => d.EnumerateArray().Select(e => e.GetString()).ToArray()).ShouldHaveSingleItem()
            .ShouldBe(["list", "\"x\"", $"A2:A{rows + 1}"]);
        var ids = root.GetProperty("marked").EnumerateArray().Select(e => e.GetString()!).ToArray();

        var result = CliRunner.Run("batch", archive, "--to", "md", "-o", folder.File("out"), "--select", marked);

        result.ExitCode.ShouldBe(0, result.ToString());
        Directory.EnumerateFiles(folder.File("out/articles"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder.File("out/articles"), p).Replace('\\', '/')[..^3])
            .Order(StringComparer.Ordinal).ShouldBe(ids.Order(StringComparer.Ordinal));
        result.StandardOutput.ShouldContain($"\nwarning: 1 id(s) marked in {marked} not in the input: nowhere/1\n");
        result.StandardOutput.ShouldStartWith($"{rows} inputs: 2 converted, 0 unchanged, {rows - 2} skipped, 0 failed");
    }

    [Fact]
    public void A_file_that_is_not_an_xlsx_is_exit_1_with_one_line_and_nothing_written()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = CliRunner.CopyFixtureArchive(folder);
        var notXlsx = folder.File("marked.xlsx");
        File.WriteAllText(notXlsx, "select,id\nx,voa/1090001\n");

        var result = CliRunner.Run("batch", archive, "--to", "md", "-o", folder.File("out"), "--select", notXlsx);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem()
            .ShouldStartWith($"convertify: {notXlsx}: not an xlsx workbook");
        Directory.Exists(folder.File("out")).ShouldBeFalse();
    }

    [Fact]
    public void A_catalogue_without_the_select_column_is_exit_1_with_one_line_and_nothing_written()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = CliRunner.CopyFixtureArchive(folder);
        var old = folder.File("old.xlsx");
        const string script = """
            import sys
            import openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Articles"
            ws.append(["id", "site", "title"])
            ws.append(["voa/1090001", "voa", "A title"])
            wb.save(sys.argv[1])
            """;
        var made = ProcessRunner.Run(ExternalClients.Python, ["-c", script, old], timeout: TimeSpan.FromMinutes(2));
        made.ExitCode.ShouldBe(0, made.ToString());

        var result = CliRunner.Run("batch", archive, "--to", "md", "-o", folder.File("out"), "--select", old);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem()
            .ShouldBe($"convertify: {old}: the Articles sheet has no 'select' column: write it with a newer convertify batch");
        Directory.Exists(folder.File("out")).ShouldBeFalse();
    }

    [Fact]
    public void A_catalogue_with_no_row_marked_is_exit_1_and_nothing_written()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = CliRunner.CopyFixtureArchive(folder);
        CliRunner.Run("batch", archive, "--to", "xlsx", "-o", folder.File("catalogue"), "--quiet").ExitCode.ShouldBe(0);
        var catalogue = folder.File("catalogue/catalog.xlsx");

        var result = CliRunner.Run("batch", archive, "--to", "md", "-o", folder.File("out"), "--select", catalogue);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem()
            .ShouldBe($"convertify: {catalogue}: no article is marked in the 'select' column");
        Directory.Exists(folder.File("out")).ShouldBeFalse();
    }

    private static List<string> ValidationErrors(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }
}
