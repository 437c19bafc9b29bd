using System.Collections.Immutable;
using Convertify.Model;
using static Convertify.Core.Tests.ArticleSamples;

namespace Convertify.Core.Tests.Api;

/// <summary>Issue 23, point 2: edits through <see cref="Article.WithBody"/> and <see cref="Article.RewriteBody"/> re-derive what the reader derived.</summary>
public sealed class ArticleEditingTests
{
    private static readonly FigureBlock First = new("https://example.org/first.jpg", "", "第一张", "");
    private static readonly FigureBlock Second = new("https://example.org/second.jpg", "", "第二张", "");

    private static Article TwoPictures() => Assemble(
        First,
        Paragraph(Txt("第一段的文字足够长，可以作为摘要使用。")),
        new QuoteBlock([Second, Paragraph(Txt("引用"))]),
        Paragraph(new LinkInline("https://example.org/x", [Txt("链接")])));

    [Fact]
    public void Removing_the_first_figure_drops_the_image_count_and_moves_the_lead_image_to_the_next_picture()
    {
        var article = TwoPictures();
        article.Statistics.Images.ShouldBe(2);
        article.Metadata.LeadImage.ShouldBe(First.ImageUrl);

        var edited = article.WithBody(article.Body.Remove(First));

        edited.Statistics.Images.ShouldBe(1);
        edited.Metadata.LeadImage.ShouldBe(Second.ImageUrl);
        edited.Statistics.ShouldBe(ArticleAssembler.ComputeStatistics(edited.Body, edited.RelatedLinks));
    }

    [Fact]
    public void Removing_every_figure_at_any_depth_leaves_no_lead_image()
    {
        var edited = TwoPictures().RewriteBody(block: b => b is FigureBlock ? null : b);

        edited.Statistics.Images.ShouldBe(0);
        edited.Metadata.LeadImage.ShouldBeNull();
        BlockWalker.Figures(edited.Body).ShouldBeEmpty();
        edited.Body[1].ShouldBeOfType<QuoteBlock>().Blocks.ShouldHaveSingleItem().ShouldBeOfType<ParagraphBlock>();
    }

    [Fact]
    public void A_derived_description_follows_the_body_and_a_stated_one_is_kept()
    {
        var article = TwoPictures();
        var newFirst = Paragraph(Txt("新的第一段，同样足够长，可以作为摘要。"));

        article.WithBody(article.Body.Insert(0, newFirst)).Metadata.Description.ShouldBe("新的第一段，同样足够长，可以作为摘要。");

        var stated = ArticleAssembler.Assemble(Metadata() with { Description = "编辑写的摘要", LeadImage = "https://example.org/cover.jpg" },
            article.Body, [], []);
        var edited = stated.WithBody(stated.Body.Insert(0, newFirst).Remove(First));
        edited.Metadata.Description.ShouldBe("编辑写的摘要");
        edited.Metadata.LeadImage.ShouldBe("https://example.org/cover.jpg");
    }

    [Fact]
    public void WithBody_keeps_metadata_related_links_and_warnings()
    {
        var article = ArticleAssembler.Assemble(Metadata(), [First, Paragraph(Txt("正文"))], [new RelatedLink("https://example.org/r", null)],
            [new Convertify.Model.ConversionWarning("x.y", "noticed")]);

        var edited = article.WithBody([Paragraph(Txt("正文"))]);

        edited.Metadata.ShouldBe(article.Metadata with { LeadImage = null });
        edited.RelatedLinks.ShouldBe(article.RelatedLinks);
        edited.Warnings.ShouldBe(article.Warnings);
        edited.Statistics.Links.ShouldBe(1);
    }

    [Fact]
    public void RewriteBody_maps_inlines_inside_table_cells_links_and_emphasis()
    {
        var article = Assemble(
            new TableBlock([new TableRow([new TableCell([Txt("cell")])], IsHeader: true)]),
            Paragraph(new StrongInline([new EmphasisInline([Txt("deep")])]), new LinkInline("https://example.org", [Txt("link")])));

        var upper = article.RewriteBody(inline: i => i is TextInline t ? new TextInline(t.Text.ToUpperInvariant()) : i);

        Convertify.Text.PlainText.Of(upper.Body).ShouldBe(Convertify.Text.PlainText.Of(article.Body).ToUpperInvariant());
        upper.Statistics.ContentHash.ShouldNotBe(article.Statistics.ContentHash);
    }

    [Fact]
    public void A_link_whose_text_is_all_removed_is_removed_and_untouched_blocks_stay_the_same_instances()
    {
        var untouched = Paragraph(Txt("keep"));
        var article = Assemble(untouched, Paragraph(Txt("a "), new LinkInline("https://example.org", [Txt("gone")])));

        var edited = article.RewriteBody(inline: i => i is TextInline { Text: "gone" } ? null : i);

        edited.Body[0].ShouldBeSameAs(untouched);
        edited.Body[1].ShouldBe(Paragraph(Txt("a ")));
        edited.Statistics.Links.ShouldBe(0);
        BodyRewriter.Rewrite(article.Body).ShouldBe(article.Body);
    }

    [Fact]
    public void A_block_map_sees_containers_after_their_content()
    {
        var seen = new List<string>();
        var body = ImmutableArray.Create<Block>(new ListBlock(false, [new ListItem([Paragraph(Txt("item"))])]), new QuoteBlock([First]));

        BodyRewriter.Rewrite(body, block: b =>
        {
            seen.Add(b.GetType().Name);
            return b;
        });

        seen.ShouldBe(["ParagraphBlock", "ListBlock", "FigureBlock", "QuoteBlock"]);
    }
}
