using System.Collections.Immutable;
using Convertify.Model;
using OfficeOpenXml.Style;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

public sealed class WrappedTextTests
{
    private static readonly string LongCaption = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"quay{i:D2}"));

    private static byte[] Catalogue()
    {
        ImmutableArray<Block> body =
        [
            Paragraph("Boats returned to the harbour on Tuesday morning."),
            new FigureBlock("https://img.example.com/1.jpg", "", LongCaption, ""),
            new FigureBlock("https://img.example.com/2.jpg", "", "nextrow", ""),
        ];
        var longUrl = "https://www.example.com/news/" + string.Join('/', Enumerable.Range(0, 30).Select(i => $"segment-{i}"));
        return Write(Make("1", body: body, title: string.Concat(Enumerable.Repeat("港口在风暴后重新开放渔船陆续返回", 12)), url: longUrl), Make("2"));
    }

    [Fact]
    public void A_row_is_as_tall_as_its_wrapped_text_and_every_cell_sits_at_its_top()
    {
        using var package = Open(Catalogue());
        var images = package.Workbook.Worksheets["Images"];
        images.Row(2).CustomHeight.ShouldBeTrue();
        // 280 characters in a column of 60: five lines.
        images.Row(2).Height.ShouldBe(5 * 16);
        images.Row(3).CustomHeight.ShouldBeFalse();
        images.Cells[2, Column(images, "caption")].Style.WrapText.ShouldBeTrue();
        for (var column = 1; column <= images.Dimension.End.Column; column++)
        {
            if (images.Cells[2, column].Value is null)
            {
                continue;
            }
            images.Cells[2, column].Style.VerticalAlignment.ShouldBe(ExcelVerticalAlignment.Top, $"column {column}");
        }
        var articles = package.Workbook.Worksheets["Articles"];
        // An address is cut at the column's edge, never wrapped; the whole value stays in the cell.
        articles.Cells[2, Column(articles, "url")].Style.WrapText.ShouldBeFalse();
        ((string)Cell(articles, 2, "url")!).Length.ShouldBeGreaterThan(200);
        articles.Row(2).Height.ShouldBeLessThanOrEqualTo(6 * 16);
    }

    [Fact]
    public void LibreOffice_draws_wrapped_text_inside_its_row_and_no_cell_as_hashes()
    {
        using var printed = PrintedCatalog.Print(Catalogue());
        var page = printed.PageWith("nextrow");
        page.ShouldBeGreaterThan(0);
        var next = printed.Find(page, "nextrow")!;
        var caption = printed.Pages[page - 1].Where(w => w.Text.StartsWith("quay", StringComparison.Ordinal)).ToList();
        caption.Select(w => w.Text).Distinct().Count().ShouldBe(40);
        caption.Select(w => Math.Round(w.YMin)).Distinct().Count().ShouldBeGreaterThan(1, "the caption does not wrap");
        caption.ShouldAllBe(w => w.YMax <= next.YMin + 1, "the caption's lines are drawn over the next row");
        for (var p = 1; p <= printed.Pages.Count; p++)
        {
            printed.Text(p).ShouldNotContain("###");
        }
    }
}
