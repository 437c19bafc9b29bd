using Convertify.Model;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

public sealed class SourceAndTagsTests
{
    private static Article[] Articles() =>
    [
        Make("1", originalSource: new OriginalSource("端传媒", "https://theinitium.com/article/a b"), tags: ["人权", " 新疆 ", ""],
            dateSource: DateSource.InfoCard),
        Make("2", originalSource: new OriginalSource("微信公众号：某账号", null), tags: ["言论自由"]),
        Make("3"),
    ];

    [Fact]
    public void Original_source_and_tags_follow_the_author_and_the_source_links_to_its_address()
    {
        var bytes = Write(Articles());
        using var package = Open(bytes);
        var sheet = package.Workbook.Worksheets["Articles"];
        Column(sheet, "original_source").ShouldBe(Column(sheet, "author") + 1);
        Column(sheet, "tags").ShouldBe(Column(sheet, "author") + 2);

        var source = sheet.Cells[2, Column(sheet, "original_source")];
        source.Value.ShouldBe("端传媒");
        source.Hyperlink.ShouldNotBeNull().AbsoluteUri.ShouldBe("https://theinitium.com/article/a%20b");
        Cell(sheet, 2, "tags").ShouldBe("人权; 新疆");
        Cell(sheet, 2, "date_source").ShouldBe("info_card");

        sheet.Cells[3, Column(sheet, "original_source")].Value.ShouldBe("微信公众号：某账号");
        sheet.Cells[3, Column(sheet, "original_source")].Hyperlink.ShouldBeNull();
        Cell(sheet, 3, "tags").ShouldBe("言论自由");
        Cell(sheet, 4, "original_source").ShouldBeNull();
        Cell(sheet, 4, "tags").ShouldBeNull();
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void Merging_carries_the_source_its_address_and_the_tags_through()
    {
        var first = Write(Articles()[..2]);
        var second = Write(Articles()[2..]);
        using var merged = new MemoryStream();
        new CatalogMerger().Merge([new MemoryStream(first), new MemoryStream(second)], merged);
        merged.ToArray().ShouldBe(Write(Articles()));
        using (var package = Open(merged.ToArray()))
        {
            var sheet = package.Workbook.Worksheets["Articles"];
            sheet.Cells[2, Column(sheet, "original_source")].Hyperlink.ShouldNotBeNull().AbsoluteUri.ShouldBe("https://theinitium.com/article/a%20b");
            Cell(sheet, 3, "original_source").ShouldBe("微信公众号：某账号");
            Cell(sheet, 2, "tags").ShouldBe("人权; 新疆");
        }

        using var alone = new MemoryStream();
        new CatalogMerger().Merge([new MemoryStream(first)], alone);
        alone.ToArray().ShouldBe(first);
    }
}
