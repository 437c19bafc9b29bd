using System.Collections.Immutable;
using Convertify.Model;
using static Convertify.Core.Tests.ArticleSamples;

namespace Convertify.Core.Tests.Model;

public sealed class ArticleAssemblerTests
{
    [Fact]
    public void Derives_lead_image_from_the_first_figure_even_inside_a_quote()
    {
        var article = Assemble(
            Paragraph(Txt("第一段文字内容足够长，可以作为描述。")),
            new QuoteBlock([new FigureBlock("https://img.example.org/a.jpg", "", "图一", "")]),
            new FigureBlock("https://img.example.org/b.jpg", "", "", ""));

        article.Metadata.LeadImage.ShouldBe("https://img.example.org/a.jpg");
        article.Statistics.Images.ShouldBe(2);
    }

    [Fact]
    public void Counts_paragraphs_links_and_related_links()
    {
        var link = new LinkInline("https://example.org/x", [Txt("链接")]);
        var body = ImmutableArray.Create<Block>(
            Paragraph(Txt("甲"), link),
            new ListBlock(false, [new ListItem([Paragraph(new LinkInline("https://example.org/y", [Txt("乙")]))])]),
            new EmbedBlock(EmbedKind.Video, "https://example.org/v.mp4", ""));
        var article = ArticleAssembler.Assemble(Metadata(), body, [new RelatedLink("https://example.org/z", null)], []);

        article.Statistics.Paragraphs.ShouldBe(2);
        article.Statistics.Links.ShouldBe(4);
    }

    [Fact]
    public void Content_hash_ignores_whitespace_and_width_differences_but_not_text()
    {
        var a = Assemble(Paragraph(Txt("北京 今天 下雨。ABC")));
        var b = Assemble(Paragraph(Txt("北京今天下雨。ＡＢＣ")));
        var c = Assemble(Paragraph(Txt("北京今天下雪。ABC")));

        a.Statistics.ContentHash.ShouldBe(b.Statistics.ContentHash);
        a.Statistics.ContentHash.ShouldNotBe(c.Statistics.ContentHash);
        a.Statistics.ContentHash.Length.ShouldBe(32);
    }

    [Fact]
    public void Keeps_an_explicit_description()
    {
        var article = ArticleAssembler.Assemble(Metadata() with { Description = "给定的描述" }, [Paragraph(Txt("正文第一段内容比较长的文字。"))], [], []);
        article.Metadata.Description.ShouldBe("给定的描述");
    }
}
