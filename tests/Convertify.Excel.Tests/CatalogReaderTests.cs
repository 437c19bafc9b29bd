using System.IO.Compression;
using System.Text;
using Convertify.Errors;
using OfficeOpenXml;
using static Convertify.Excel.Tests.CatalogFile;

namespace Convertify.Excel.Tests;

public sealed class CatalogReaderTests
{
    [Fact]
    public void A_catalogue_with_shared_strings_as_EPPlus_wrote_them_is_read()
    {
        // Catalogues written before the sheets were streamed keep every text in the shared-string table.
        byte[] old;
        using (var package = new ExcelPackage())
        {
            var articles = package.Workbook.Worksheets.Add("Articles");
            string[] headers = ["id", "site", "title", "url", "published", "zone", "characters", "markdown"];
            for (var i = 0; i < headers.Length; i++) articles.SetValue(1, i + 1, headers[i]);
            object[] values = ["voa/1", "voa", "_x0041_ literal & <kept>", "https://www.example.com/news/1", 45356.6041666667, "-05:00", 1234d, "voa/1.md"];
            for (var i = 0; i < values.Length; i++) articles.SetValue(2, i + 1, values[i]);
            articles.SetValue(3, 1, "voa/2");
            var links = package.Workbook.Worksheets.Add("Links");
            string[] linkHeaders = ["article_id", "text", "url", "kind"];
            for (var i = 0; i < linkHeaders.Length; i++) links.SetValue(1, i + 1, linkHeaders[i]);
            object[] link = ["voa/1", "elsewhere", "https://elsewhere.org/x", "internal"];
            for (var i = 0; i < link.Length; i++) links.SetValue(2, i + 1, link[i]);
            old = package.GetAsByteArray();
        }
        Part(old, "xl/sharedStrings.xml").ShouldContain("voa/1.md");

        var rows = new CatalogRows();
        CatalogReader.Read(new MemoryStream(old), "old", rows);
        rows.Articles.Select(a => a.Id).ShouldBe(["voa/1", "voa/2"]);
        var a = rows.Articles[0];
        a.Title.ShouldBe("_x0041_ literal & <kept>");
        a.Url.ShouldBe("https://www.example.com/news/1");
        a.PublishedLocal.ShouldBe(new DateTime(2024, 3, 5, 14, 30, 0));
        a.PublishedOffset.ShouldBe(TimeSpan.FromHours(-5));
        a.Characters.ShouldBe(1234);
        a.Markdown.ShouldBe("voa/1.md");
        a.Word.ShouldBeNull();
        a.Description.ShouldBeEmpty();
        rows.Links.Single().Internal.ShouldBeTrue();
    }

    [Fact]
    public void Rich_text_escapes_cells_without_references_and_other_cell_types_are_read()
    {
        var sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c t="s"><v>0</v></c><c t="inlineStr"><is><t>title</t></is></c><c r="E1" t="str"><v>characters</v></c><c r="F1" t="s"><v>1</v></c><c t="inlineStr"><is><t>published</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t>voa/</t></r><r><t xml:space="preserve">7</t></r></is></c>
              <c r="B2" t="s"><v>2</v></c><c r="E2"><f>1+1</f><v>2</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="d"><v>2024-03-05T14:30:00</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>_x005F_x0041_ and _x0042_</t></is></c><c r="B3"/><c r="E3" t="e"><v>#N/A</v></c></row>
            <row r="4"/>
            </sheetData></worksheet>
            """;
        var shared = """
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>id</t></si><si><t>warnings</t></si>
            <si><r><t>A harbour</t></r><r><rPr><i/></rPr><t xml:space="preserve"> reopens</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si></sst>
            """;
        var rows = new CatalogRows();
        CatalogReader.Read(new MemoryStream(Workbook(sheet, shared)), "hand", rows);

        rows.Articles.Count.ShouldBe(2);
        rows.Articles[0].Id.ShouldBe("voa/7");
        rows.Articles[0].Title.ShouldBe("A harbour reopens");
        rows.Articles[0].Characters.ShouldBe(2);
        rows.Articles[0].Warnings.ShouldBe(1);
        rows.Articles[0].PublishedLocal.ShouldBe(new DateTime(2024, 3, 5, 14, 30, 0));
        rows.Articles[1].Id.ShouldBe("_x0041_ and B");
        rows.Articles[1].Title.ShouldBeEmpty();
        rows.Articles[1].Characters.ShouldBe(0);
    }

    [Fact]
    public void A_broken_sheet_is_refused_with_the_input_name()
    {
        Should.Throw<ConvertifyException>(() => CatalogReader.Read(new MemoryStream(Workbook("<worksheet><sheetData><row>", null)), "broken.xlsx", new CatalogRows()))
            .Message.ShouldStartWith("broken.xlsx: not an Excel workbook");
        Should.Throw<ConvertifyException>(() => CatalogReader.Read(new MemoryStream(Workbook("<worksheet><sheetData/></worksheet>", null)), "empty.xlsx", new CatalogRows()))
            .Message.ShouldContain("has no 'id' column");
    }

    [Fact]
    public void Reading_what_the_writer_wrote_gives_the_same_rows()
    {
        var articles = LargeCatalog.Articles(50).ToList();
        var rows = new CatalogRows();
        CatalogReader.Read(new MemoryStream(CatalogFile.Write(articles)), "written", rows);
        rows.Articles.Count.ShouldBe(50);
        rows.Images.Count.ShouldBe(50 * LargeCatalog.ImagesPerArticle);
        rows.Links.Count.ShouldBe(50 * LargeCatalog.LinksPerArticle);
        var first = articles[0].Article.Metadata;
        rows.Articles[0].Id.ShouldBe(first.Id);
        rows.Articles[0].Title.ShouldBe(first.Title);
        rows.Articles[0].PublishedLocal.ShouldBe(first.Published.Value.DateTime);
        rows.Articles[0].Authors.ShouldBe("Ann Writer; Bo Reporter");
        rows.Articles[0].Word.ShouldBe(first.Id + " draft.docx");
        rows.Images[1].Url.ShouldBe("https://img.example.com/voa/00000/2.jpg");
        rows.Links[0].Text.ShouldBe("来源");
    }

    /// <summary>A minimal workbook package: the relationships, a workbook with one Articles sheet, optionally shared strings.</summary>
    private static byte[] Workbook(string sheet, string? sharedStrings)
    {
        var sharedStringsRelationship = sharedStrings is null ? string.Empty
            : """<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>""";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""",
            ["_rels/.rels"] = """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Articles" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = $$"""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>{{sharedStringsRelationship}}</Relationships>""",
            ["xl/worksheets/sheet1.xml"] = sheet,
        };
        if (sharedStrings is not null)
        {
            parts["xl/sharedStrings.xml"] = sharedStrings;
        }
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return output.ToArray();
    }
}
