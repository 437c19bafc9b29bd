using System.Collections.Immutable;
using System.Text.Json;
using Convertify.Model;
using Convertify.Testing;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

public sealed class HyperlinkTests
{
    private const string Script = """
        import json, sys
        import openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for name, columns in (("Articles", ("title", "url", "lead_image")), ("Images", ("url",)), ("Links", ("url",))):
            ws = wb[name]
            header = [c.value for c in ws[1]]
            out[name] = [{c: [r[header.index(c)].value, r[header.index(c)].data_type,
                              r[header.index(c)].hyperlink.target if r[header.index(c)].hyperlink else None] for c in columns}
                         for r in ws.iter_rows(min_row=2)]
        print(json.dumps(out))
        """;

    [Fact]
    public void Openpyxl_reads_url_lead_image_and_link_urls_as_hyperlinks_over_plain_text_cells()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        ImmutableArray<Block> body =
        [
            Paragraph(Link("https://elsewhere.org/a?b=1&c=2", "a source"), Link("ftp://files.example.org/x", "ftp"), Link("javascript:alert(1)", "script")),
            new FigureBlock("https://img.example.com/quay one.jpg", "码头", "", ""),
            new FigureBlock("/relative/picture.jpg", "", "", ""),
        ];
        var bytes = Write(Make("1", body: body), Make("2", url: "javascript:alert(1)", body: [Paragraph("No links here.")]));
        using var folder = TestPaths.NewTemporaryFolder();
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", Script, WriteFile(folder.Path, bytes)], timeout: TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        (string? Value, string? Type, string? Target) Cell(string sheet, int row, string column)
        {
            var cell = root.GetProperty(sheet)[row].GetProperty(column);
            return (cell[0].GetString(), cell[1].GetString(), cell[2].GetString());
        }

        Cell("Articles", 0, "url").ShouldBe(("https://www.example.com/news/1", "s", "https://www.example.com/news/1"));
        Cell("Articles", 0, "lead_image").ShouldBe(("https://img.example.com/quay one.jpg", "s", "https://img.example.com/quay%20one.jpg"));
        Cell("Articles", 1, "url").ShouldBe(("javascript:alert(1)", "s", null));
        Cell("Articles", 1, "lead_image").Target.ShouldBeNull();
        Cell("Images", 0, "url").ShouldBe(("https://img.example.com/quay one.jpg", "s", "https://img.example.com/quay%20one.jpg"));
        Cell("Images", 1, "url").ShouldBe(("/relative/picture.jpg", "s", null));
        Cell("Links", 0, "url").ShouldBe(("https://elsewhere.org/a?b=1&c=2", "s", "https://elsewhere.org/a?b=1&c=2"));
        Cell("Links", 1, "url").ShouldBe(("ftp://files.example.org/x", "s", null));
        Cell("Links", 2, "url").ShouldBe(("javascript:alert(1)", "s", null));
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void A_sheet_keeps_at_most_excels_hyperlinks_and_says_how_many_stay_text()
    {
        const int links = Hyperlinks.MaxPerSheet + 70;
        var paragraph = new ParagraphBlock([.. Enumerable.Range(0, links).Select(i => (Inline)Link($"https://example.org/{i}", "x"))]);
        var bytes = Write(Make("1", body: [paragraph]));
        var sheet = PartXml(bytes, "xl/worksheets/sheet3.xml");
        var hyperlinks = Named(sheet, "hyperlink").ToList();
        hyperlinks.Count.ShouldBe(Hyperlinks.MaxPerSheet);
        hyperlinks[^1].Attribute("ref")!.Value.ShouldBe("C" + (Hyperlinks.MaxPerSheet + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var package = Open(bytes);
        var problems = package.Workbook.Worksheets["Problems"];
        Cell(problems, 2, "code").ShouldBe("excel.hyperlinks_capped");
        Cell(problems, 2, "message").ShouldBe("Links: 70 link(s) beyond Excel's limit of 65,530 hyperlinks per sheet stay plain text");
        package.Workbook.Worksheets["Links"].Cells[links + 1, 3].Value.ShouldBe($"https://example.org/{links - 1}");

        // A merge caps its own sheets again: the note read back from the input is not repeated.
        using var merged = new MemoryStream();
        new CatalogMerger().Merge([new MemoryStream(bytes)], merged);
        merged.ToArray().ShouldBe(bytes);
    }
}
