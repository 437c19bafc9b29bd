using System.Text.Json;
using Convertify.Testing;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;
using Convertify.Conversion;

namespace Convertify.Excel.Tests;

/// <summary>The rows of the large sheets are streamed into the package around the skeleton EPPlus saved; these tests look at what that produces.</summary>
public sealed class StreamedSheetTests
{
    private const int Many = 2_000;

    private static readonly Lazy<byte[]> ManyRows = new(() => LargeCatalog.Write(Many));

    [Fact]
    public void A_catalogue_of_thousands_of_rows_validates()
    {
        ValidationTests.ValidationErrors(ManyRows.Value).ShouldBeEmpty();
    }

    private const string CountScript = """
        import json, sys
        import openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for name in wb.sheetnames:
            ws = wb[name]
            rows = list(ws.iter_rows(min_row=2, values_only=True))
            out[name] = {"rows": sum(1 for r in rows if any(v is not None for v in r)), "max_row": ws.max_row,
                         "tables": {t.name: t.ref for t in ws.tables.values()}}
        ws = wb["Articles"]
        header = [c.value for c in ws[1]]
        col = {name: i for i, name in enumerate(header)}
        rows = list(ws.iter_rows(min_row=2))
        out["hyperlinks"] = len(ws._hyperlinks) if hasattr(ws, "_hyperlinks") else sum(1 for r in rows for c in r if c.hyperlink)
        out["linked_cells"] = sum(1 for r in rows for c in r if c.hyperlink)
        out["linked_columns"] = sorted({header[c.column - 1] for r in rows for c in r if c.hyperlink})
        for name in ("Images", "Links"):
            ws = wb[name]
            url = [c.value for c in ws[1]].index("url")
            cells = [r[url] for r in ws.iter_rows(min_row=2)]
            out[name]["url_links"] = sum(1 for c in cells if c.hyperlink and c.hyperlink.target == c.value)
        last = rows[-1]
        out["last"] = {"id": last[col["id"]].value, "title": last[col["title"]].value,
                       "title_link": last[col["title"]].hyperlink.target, "markdown_link": last[col["markdown"]].hyperlink.target,
                       "word_link": last[col["word"]].hyperlink.target, "published_is_date": last[col["published"]].is_date,
                       "published": last[col["published"]].value.isoformat(), "characters": last[col["characters"]].value,
                       "title_underlined": last[col["title"]].font.u}
        print(json.dumps(out))
        """;

    [Fact]
    public void Openpyxl_reads_every_row_and_hyperlink_of_a_large_catalogue()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        using var folder = TestPaths.NewTemporaryFolder();
        var path = WriteFile(folder.Path, ManyRows.Value);
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", CountScript, path], timeout: TimeSpan.FromMinutes(4));
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;

        root.GetProperty("Articles").GetProperty("rows").GetInt32().ShouldBe(Many);
        root.GetProperty("Images").GetProperty("rows").GetInt32().ShouldBe(Many * LargeCatalog.ImagesPerArticle);
        root.GetProperty("Links").GetProperty("rows").GetInt32().ShouldBe(Many * LargeCatalog.LinksPerArticle);
        root.GetProperty("Articles").GetProperty("tables").GetProperty("Articles").GetString().ShouldBe($"A1:Y{Many + 1}");
        root.GetProperty("Links").GetProperty("tables").GetProperty("Links").GetString().ShouldBe($"A1:D{Many * LargeCatalog.LinksPerArticle + 1}");
        // Title, url, lead image, markdown and word of every row.
        root.GetProperty("linked_cells").GetInt32().ShouldBe(Many * 5);
        root.GetProperty("linked_columns").EnumerateArray().Select(e => e.GetString()).ShouldBe(["lead_image", "markdown", "title", "url", "word"]);
        root.GetProperty("Images").GetProperty("url_links").GetInt32().ShouldBe(Many * LargeCatalog.ImagesPerArticle);
        root.GetProperty("Links").GetProperty("url_links").GetInt32().ShouldBe(Many * LargeCatalog.LinksPerArticle);

        var last = root.GetProperty("last");
        last.GetProperty("id").GetString().ShouldBe("bbc/01999");
        last.GetProperty("title").GetString().ShouldBe("Harbour 01999 reopens");
        last.GetProperty("title_link").GetString().ShouldBe("https://www.example.com/news/01999");
        last.GetProperty("markdown_link").GetString().ShouldBe("bbc/01999.md");
        last.GetProperty("word_link").GetString().ShouldBe("bbc/01999%20draft.docx");
        last.GetProperty("published_is_date").GetBoolean().ShouldBeTrue();
        last.GetProperty("published").GetString().ShouldBe(Published.AddHours((Many - 1) * 7).DateTime.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
        last.GetProperty("characters").ValueKind.ShouldBe(JsonValueKind.Number);
        last.GetProperty("title_underlined").GetString().ShouldBe("single");
    }

    [Fact]
    public void EPPlus_reads_a_large_catalogue_back_and_merging_it_reproduces_it()
    {
        var bytes = ManyRows.Value;
        using (var package = Open(bytes))
        {
            var sheet = package.Workbook.Worksheets["Articles"];
            sheet.Dimension.End.Row.ShouldBe(Many + 1);
            var title = sheet.Cells[Many + 1, Column(sheet, "title")];
            title.Hyperlink.ShouldNotBeNull().AbsoluteUri.ShouldBe("https://www.example.com/news/01999");
            title.Style.Font.UnderLine.ShouldBeTrue();
            sheet.Cells[Many + 1, Column(sheet, "published")].Style.Numberformat.Format.ShouldBe("yyyy-mm-dd hh:mm");
            package.Workbook.Worksheets["Images"].Dimension.End.Row.ShouldBe(Many * LargeCatalog.ImagesPerArticle + 1);
        }
        using var merged = new MemoryStream();
        new CatalogMerger().Merge([new MemoryStream(bytes)], merged);
        merged.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public void The_shared_strings_of_EPPlus_do_not_grow_with_the_rows()
    {
        // Every row's text is streamed as an inline string: EPPlus holds headers and the Sites sheet only.
        static string SharedStrings(int count) => Part(CatalogFile.Write(Enumerable.Range(0, count)
            .Select(i => (Make(i.ToString(System.Globalization.CultureInfo.InvariantCulture), title: "Title " + i), (IReadOnlyDictionary<string, string>?)null))),
            "xl/sharedStrings.xml");
        SharedStrings(500).ShouldBe(SharedStrings(2));
        var sheet = Part(LargeCatalog.Write(3), "xl/worksheets/sheet1.xml");
        sheet.ShouldContain("t=\"inlineStr\"");
        sheet.ShouldNotContain("t=\"s\"");
    }

    public static TheoryData<string> AwkwardTexts =>
    [
        "  leading and trailing  ",
        "two\nlines",
        "tab\there",
        "_x0041_ stays literal",
        "_x00ab_ and _X0041_ and _x12_",
        "a & b < c > d \"quoted\" 'single'",
        "emoji 🚢 and 𠀀 outside the BMP",
        "]]> and <![CDATA[ x ]]>",
        " ",
    ];

    [Theory]
    [MemberData(nameof(AwkwardTexts))]
    public void Awkward_text_reads_back_exactly(string text)
    {
        var bytes = Write(Make("1", title: text));
        using var package = Open(bytes);
        Cell(package.Workbook.Worksheets["Articles"], 2, "title").ShouldBe(text);
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void Text_longer_than_the_write_buffer_reads_back_exactly()
    {
        // 32,000 three-byte characters: ~96 KB of UTF-8, more than one buffer, split mid-string.
        var text = string.Concat(Enumerable.Repeat("港口重新开放 & <渔船>", 2_000));
        using var package = Open(Write(Make("1", title: text)));
        Cell(package.Workbook.Worksheets["Articles"], 2, "title").ShouldBe(text);
    }

    [Fact]
    public void Openpyxl_reads_awkward_text_exactly()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        // openpyxl does not decode Excel's _xHHHH_ escapes, so those are left to the EPPlus test above.
        var texts = AwkwardTexts.Select(t => (string)t.Data).Where(t => !t.Contains("_x", StringComparison.OrdinalIgnoreCase)).ToList();
        using var folder = TestPaths.NewTemporaryFolder();
        var path = WriteFile(folder.Path, Write(texts.Select((t, i) => Make(i.ToString(System.Globalization.CultureInfo.InvariantCulture), title: t)).ToArray()));
        var script = """
            import json, sys
            import openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Articles"]
            col = [c.value for c in ws[1]].index("title")
            print(json.dumps([r[col] for r in ws.iter_rows(min_row=2, values_only=True)]))
            """;
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", script, path], timeout: TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.ToString());
        JsonSerializer.Deserialize<List<string>>(result.StandardOutput).ShouldBe(texts);
    }

    [Fact]
    public void A_sheet_without_any_usable_link_has_no_hyperlinks_element()
    {
        var bytes = Write(Make("1", url: "not a url"), Make("2", url: "javascript:alert(1)"));
        Named(PartXml(bytes, "xl/worksheets/sheet1.xml"), "hyperlinks").ShouldBeEmpty();
        Part(bytes, "xl/worksheets/_rels/sheet1.xml.rels").ShouldNotContain("hyperlink\"");
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void Select_dropdown_and_hyperlinks_come_between_the_rows_and_the_table_parts()
    {
        var sheet = PartXml(Write(Make("1")), "xl/worksheets/sheet1.xml");
        var children = sheet.Elements().Select(e => e.Name.LocalName).ToList();
        children.IndexOf("dataValidations").ShouldBe(children.IndexOf("sheetData") + 1);
        children.IndexOf("hyperlinks").ShouldBe(children.IndexOf("dataValidations") + 1);
        children.IndexOf("tableParts").ShouldBeGreaterThan(children.IndexOf("hyperlinks"));
        Named(sheet, "hyperlink").Select(h => h.Attribute("ref")!.Value).ShouldBe(["E2", "F2"]);
        Named(sheet, "dimension").Single().Attribute("ref")!.Value.ShouldBe("A1:W2");
    }
}
