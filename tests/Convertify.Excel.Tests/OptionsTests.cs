using static Convertify.Excel.Tests.CatalogFile;

namespace Convertify.Excel.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Images_links_and_chart_can_be_left_out_and_the_style_and_width_chosen()
    {
        var options = new ExcelCatalogOptions(MaxColumnWidth: 20, IncludeImages: false, IncludeLinks: false, IncludeChart: false, TableStyle: "Light9");
        var bytes = Write(LargeCatalog.Articles(30), options: options);
        using var package = Open(bytes);
        package.Workbook.Worksheets.Select(w => w.Name).ShouldBe(["Articles", "Sites", "Problems"]);
        package.Workbook.Worksheets["Sites"].Drawings.Count.ShouldBe(0);
        var articles = package.Workbook.Worksheets["Articles"];
        // EPPlus does not read the style back (its getter returns a default); the part says it.
        Part(bytes, "xl/tables/table1.xml").ShouldContain("<tableStyleInfo name=\"TableStyleLight9\"");
        articles.Dimension.End.Row.ShouldBe(31);
        var title = Column(articles, "title");
        articles.Column(title).Width.ShouldBe(21);
        articles.Cells[31, title].Style.WrapText.ShouldBeTrue();
        articles.Cells[31, title].Style.Font.UnderLine.ShouldBeTrue();
        articles.Cells[31, title].Hyperlink.ShouldNotBeNull();
        articles.Cells[31, Column(articles, "id")].Style.WrapText.ShouldBeFalse();
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_table_style_falls_back_to_the_default()
    {
        var bytes = Write(LargeCatalog.Articles(2), options: new ExcelCatalogOptions(TableStyle: "NoSuchStyle"));
        Part(bytes, "xl/tables/table1.xml").ShouldContain("<tableStyleInfo name=\"TableStyleMedium2\"");
    }
}
