using System.Text.Json;
using Convertify.Testing;

namespace Convertify.Excel.Tests;

public sealed class OpenPyxlTests
{
    private const string Script = """
        import json, sys, datetime
        import openpyxl
        wb = openpyxl.load_workbook(sys.argv[1], data_only=False)
        out = {"sheets": wb.sheetnames}
        ws = wb["Articles"]
        header = [c.value for c in ws[1]]
        col = {name: i for i, name in enumerate(header)}
        rows = list(ws.iter_rows(min_row=2))
        out["freeze"] = ws.freeze_panes
        out["tables"] = list(ws.tables.keys())
        out["published_types"] = sorted({type(r[col["published"]].value).__name__ for r in rows})
        out["published_is_date"] = all(r[col["published"]].is_date for r in rows)
        out["first_published"] = rows[0][col["published"]].value.isoformat()
        out["title_links"] = [r[col["title"]].hyperlink.target if r[col["title"]].hyperlink else None for r in rows]
        out["markdown_links"] = [r[col["markdown"]].hyperlink.target if r[col["markdown"]].hyperlink else None for r in rows]
        out["titles"] = [[r[col["title"]].value, r[col["title"]].data_type] for r in rows]
        out["problems"] = [[c.value for c in r] for r in wb["Problems"].iter_rows(min_row=2)]
        out["images"] = [[c.value for c in r] for r in wb["Images"].iter_rows(min_row=2)]
        out["sites_header"] = [c.value for c in wb["Sites"][1]]
        out["title"] = wb.properties.title
        print(json.dumps(out))
        """;

    [Fact]
    public void Openpyxl_reads_types_links_freeze_and_literal_text()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        using var folder = TestPaths.NewTemporaryFolder();
        var path = CatalogFile.WriteFile(folder.Path, SampleCatalog.Write());
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", Script, path], timeout: TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;

        root.GetProperty("sheets").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Articles", "Images", "Links", "Sites", "Problems"]);
        root.GetProperty("freeze").GetString().ShouldBe("A2");
        root.GetProperty("tables").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Articles"]);
        root.GetProperty("published_types").EnumerateArray().Select(e => e.GetString()).ShouldBe(["datetime"]);
        root.GetProperty("published_is_date").GetBoolean().ShouldBeTrue();
        root.GetProperty("first_published").GetString().ShouldBe("2024-03-05T14:30:00");
        root.GetProperty("title_links")[0].GetString().ShouldBe("https://www.example.com/news/100");
        root.GetProperty("markdown_links")[0].GetString().ShouldBe("bbc/100.md");

        var titles = root.GetProperty("titles").EnumerateArray().ToList();
        titles[0][0].GetString().ShouldBe("港口在风暴后重新开放");
        var expected = SampleCatalog.InjectionTitles.Select(t => t.Replace('\r', '\n')).ToList();
        titles.Skip(1).Select(t => t[0].GetString()).ShouldBe(expected);
        titles.Select(t => t[1].GetString()).ShouldAllBe(type => type == "s");

        root.GetProperty("images")[0][2].GetString().ShouldBe("https://img.example.com/quay.jpg");
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        problems.ShouldContain(p => p[0].GetString() == "articles/voa/bad.md" && p[2].GetString() == "error");
        root.GetProperty("sites_header")[0].GetString().ShouldBe("site");
        root.GetProperty("title").GetString().ShouldBe("Convertify catalogue");
    }

    private const string PrintScript = """
        import json, sys
        import openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            out[ws.title] = {
                "orientation": ws.page_setup.orientation,
                "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                "fit_width": ws.page_setup.fitToWidth,
                "fit_height": ws.page_setup.fitToHeight,
                "title_rows": ws.print_title_rows,
                "footer_left": ws.oddFooter.left.text,
                "footer_right": ws.oddFooter.right.text,
            }
        print(json.dumps(out))
        """;

    [Fact]
    public void Openpyxl_reads_a_landscape_one_page_wide_print_setup_with_titles_and_footer_on_every_sheet()
    {
        ExternalClients.RequirePythonModules("openpyxl");
        using var folder = TestPaths.NewTemporaryFolder();
        var path = CatalogFile.WriteFile(folder.Path, SampleCatalog.Write());
        var result = ProcessRunner.Run(ExternalClients.Python, ["-c", PrintScript, path], timeout: TimeSpan.FromMinutes(2));
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var sheets = json.RootElement.EnumerateObject().ToList();
        sheets.Select(s => s.Name).ShouldBe(["Articles", "Images", "Links", "Sites", "Problems"]);
        foreach (var sheet in sheets)
        {
            var setup = sheet.Value;
            setup.GetProperty("orientation").GetString().ShouldBe("landscape", sheet.Name);
            setup.GetProperty("fit_to_page").GetBoolean().ShouldBeTrue(sheet.Name);
            setup.GetProperty("fit_width").GetInt32().ShouldBe(1, sheet.Name);
            setup.GetProperty("fit_height").GetInt32().ShouldBe(0, sheet.Name);
            setup.GetProperty("title_rows").GetString().ShouldBe("$1:$1", sheet.Name);
            setup.GetProperty("footer_left").GetString().ShouldBe("&A", sheet.Name);
            setup.GetProperty("footer_right").GetString().ShouldBe("Page &P of &N", sheet.Name);
        }
    }
}
