using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

public sealed class CatalogMergerTests
{
    private static byte[] Merge(params byte[][] catalogues)
    {
        using var output = new MemoryStream();
        new CatalogMerger().Merge(catalogues.Select(c => (Stream)new MemoryStream(c)), output);
        return output.ToArray();
    }

    [Fact]
    public void Merging_concatenates_rows_and_recomputes_duplicates_and_sites()
    {
        var a = Write(
            [(Make("1", paragraph: "Body one is about the harbour."), new Dictionary<string, string> { ["md"] = "voa/1.md" }),
             (Make("2", site: "bbc", siteName: "Example Broadcaster", paragraph: "Body two is about the mountains."), null)],
            [("articles/voa/bad.md", "broken header")]);
        var b = Write(
            Make("3", url: "https://WWW.example.com/news/1/", paragraph: "Body three differs in every word."),
            Make("4", published: new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.FromHours(-4)),
                body: [Paragraph("Body two is about the  mountains."), new FigureBlock("https://img.example.com/m.jpg", "", "", "")]));
        using var merged = Open(Merge(a, b));
        var articles = merged.Workbook.Worksheets["Articles"];
        articles.Dimension.End.Row.ShouldBe(5);
        Enumerable.Range(2, 4).Select(r => Cell(articles, r, "id")).ShouldBe(["voa/1", "bbc/2", "voa/3", "voa/4"]);
        Cell(articles, 4, "duplicate_of").ShouldBe("voa/1");   // same URL across catalogues
        Cell(articles, 5, "duplicate_of").ShouldBe("bbc/2");   // same text up to whitespace, across catalogues
        Cell(articles, 2, "markdown").ShouldBe("voa/1.md");
        articles.Cells[2, Column(articles, "markdown")].Hyperlink!.OriginalString.ShouldBe("voa/1.md");
        Cell(articles, 5, "zone").ShouldBe("-04:00");
        DateTime.FromOADate((double)Cell(articles, 5, "published")!).ShouldBe(new DateTime(2024, 5, 1, 8, 0, 0));
        articles.Cells[3, Column(articles, "title")].Hyperlink!.AbsoluteUri.ShouldBe("https://www.example.com/news/2");

        var sites = merged.Workbook.Worksheets["Sites"];
        sites.Cells["A2:C3"].Select(c => c.Value).ShouldBe(["bbc", "Example Broadcaster", 1d, "voa", "Example Voice", 3d]);
        sites.Cells["H2:H4"].Select(c => c.Value).ShouldBe(["2024-03", "2024-04", "2024-05"]);

        merged.Workbook.Worksheets["Images"].Dimension.End.Row.ShouldBe(2);
        Cell(merged.Workbook.Worksheets["Problems"], 2, "message").ShouldBe("broken header");
        ValidationTests.ValidationErrors(Merge(a, b)).ShouldBeEmpty();
    }

    [Fact]
    public void Merging_a_single_catalogue_reproduces_it()
    {
        var files = new Dictionary<string, string> { ["md"] = "voa/1.md", ["docx"] = "voa/1.docx" };
        var original = Write([(Make("1", warnings: [new ConversionWarning("x.y", "a warning")]), files), (Make("2", title: "=1+1"), files)],
            [("bad.md", "broken")]);
        Merge(original).ShouldBe(original);
    }

    [Fact]
    public void Merged_output_is_deterministic()
    {
        var a = Write(Make("1"));
        var b = Write(Make("2"));
        Merge(a, b).ShouldBe(Merge(a, b));
    }

    [Fact]
    public void A_workbook_that_is_not_a_catalogue_is_refused()
    {
        using var package = new OfficeOpenXml.ExcelPackage();
        package.Workbook.Worksheets.Add("Budget").Cells["A1"].Value = "amount";
        var other = package.GetAsByteArray();
        Should.Throw<ConvertifyException>(() => Merge(other)).Message.ShouldContain("not a Convertify catalogue");
        Should.Throw<ConvertifyException>(() => Merge([1, 2, 3])).Message.ShouldContain("input 1");
    }

    [Fact]
    public void MergeFiles_writes_the_output_file()
    {
        using var folder = Convertify.Testing.TestPaths.NewTemporaryFolder();
        var a = WriteFile(folder.Path, Write(Make("1")), "a.xlsx");
        var b = WriteFile(folder.Path, Write(Make("2")), "b.xlsx");
        var output = folder.File("all.xlsx");
        new CatalogMerger().MergeFiles([a, b], output, new CatalogOptions("All"));
        using var merged = Open(File.ReadAllBytes(output));
        merged.Workbook.Worksheets["Articles"].Dimension.End.Row.ShouldBe(3);
        merged.Workbook.Properties.Title.ShouldBe("All");
        Should.Throw<ConvertifyException>(() => new CatalogMerger().MergeFiles([folder.File("missing.xlsx")], output))
            .Message.ShouldContain("missing.xlsx");
    }
}
