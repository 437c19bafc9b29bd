using System.Text.Json;
using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary><c>convertify dossier</c>: chosen articles as one Word or Markdown document, through the real binary.</summary>
public sealed class DossierCommandTests
{
    [Fact]
    public void Rows_marked_in_a_catalogue_become_a_word_dossier_in_the_catalogues_row_order()
    {
        ExternalClients.RequirePythonModules("openpyxl", "docx");
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = CliRunner.CopyFixtureArchive(folder);
        CliRunner.Run("batch", archive, "--to", "xlsx", "-o", folder.File("catalogue"), "--quiet").ExitCode.ShouldBe(0);

        // Marks the 4th, 1st and 3rd rows after moving the 4th row's values to the top, as an editor's sort would.
        const string mark = """
            import json, sys
            import openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Articles"]
            rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
            rows.insert(0, rows.pop(3))
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    ws.cell(i + 2, j + 1).value = value
            for i in (0, 2, 3):
                ws.cell(i + 2, 1).value = "x"
            wb.save(sys.argv[2])
            print(json.dumps([rows[i][1] for i in (0, 2, 3)]))
            """;
        var marked = folder.File("marked.xlsx");
        var edit = ProcessRunner.Run(ExternalClients.Python, ["-c", mark, folder.File("catalogue/catalog.xlsx"), marked], timeout: TimeSpan.FromMinutes(2));
        edit.ExitCode.ShouldBe(0, edit.ToString());
        var ids = JsonSerializer.Deserialize<string[]>(edit.StandardOutput)!;

        var dossier = folder.File("dossier.docx");
        var result = CliRunner.Run("dossier", archive, "--select", marked, "--order", "catalog", "-o", dossier, "--title", "编辑选稿");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldBe($"dossier: 3 article(s) into {dossier}\n");
        const string read = """
            import json, sys
            import docx
            d = docx.Document(sys.argv[1])
            body = "\n".join(p.text for p in d.paragraphs)
            print(json.dumps({"headings": [p.text for p in d.paragraphs if p.style.name == "Heading 1"],
                              "ids": [i for i in sys.argv[2:] if i in body], "header": d.sections[0].header.paragraphs[0].text}))
            """;
        var check = ProcessRunner.Run(ExternalClients.Python, ["-c", read, dossier, .. ids], timeout: TimeSpan.FromMinutes(2));
        check.ExitCode.ShouldBe(0, check.ToString());
        using var json = JsonDocument.Parse(check.StandardOutput);
        var headings = json.RootElement.GetProperty("headings").EnumerateArray().Select(e => e.GetString()!).ToArray();
        headings.Length.ShouldBe(3);
        headings.ShouldBe(ids.Select(TitleOf(archive)).ToArray());
        json.RootElement.GetProperty("header").GetString().ShouldBe("编辑选稿");
    }

    [Fact]
    public void Filters_choose_the_articles_of_a_markdown_dossier()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = CliRunner.CopyFixtureArchive(folder);
        var dossier = folder.File("cdt.md");

        var result = CliRunner.Run("dossier", archive, "--site", "cdt", "-o", dossier);

        result.ExitCode.ShouldBe(0, result.ToString());
        var cdt = CliRunner.FixtureArticles().Count(p => p.Replace('\\', '/').Contains("/cdt/", StringComparison.Ordinal));
        cdt.ShouldBeGreaterThan(1);
        result.StandardOutput.ShouldBe($"dossier: {cdt} article(s) into {dossier}\n");
        var text = File.ReadAllText(dossier);
        text.ShouldStartWith("---\n");
        text.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal) && l.Contains("{#cdt-", StringComparison.Ordinal)).ShouldBe(cdt);
    }

    [Theory]
    [InlineData(new[] { "--lang", "xx" }, 1, "convertify dossier: no article matched: nothing written")]
    [InlineData(new[] { "--order", "catalog" }, 2, "convertify dossier: --order catalog needs --select CATALOG")]
    public void Nothing_chosen_or_a_wrong_command_line_writes_nothing(string[] options, int exitCode, string message)
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var archive = CliRunner.CopyFixtureArchive(folder);
        var dossier = folder.File("d.docx");

        var result = CliRunner.Run(["dossier", archive, "-o", dossier, .. options]);

        result.ExitCode.ShouldBe(exitCode, result.ToString());
        result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldBe(message);
        File.Exists(dossier).ShouldBeFalse();
        Directory.EnumerateFiles(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public void An_output_that_is_neither_docx_nor_md_is_a_usage_error()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var result = CliRunner.Run("dossier", CliRunner.CopyFixtureArchive(folder), "-o", folder.File("d.pdf"));
        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldBe($"convertify dossier: {folder.File("d.pdf")}: name a .docx or .md file to write\n");
    }

    private static Func<string, string> TitleOf(string archive) => id =>
    {
        var line = File.ReadLines(Path.Combine(archive, "articles", id + ".md")).Skip(1).First();
        return line[1..line.LastIndexOf("](", StringComparison.Ordinal)].Trim();
    };
}
