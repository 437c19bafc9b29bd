using Convertify.Markdown.Reader.Tests.Support;
using Convertify.Model;

namespace Convertify.Markdown.Reader.Tests;

public sealed class HugoJekyllTests
{
    [Fact]
    public void HugoPostFrontMatterMapsToTheMetadata()
    {
        var m = Fixtures.Read("hugo-post.md").Metadata;
        m.Title.ShouldBe("Tide Tables for the Harbour Town");
        m.Published.Value.ShouldBe(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.FromHours(1)));
        m.Published.Value.Offset.ShouldBe(TimeSpan.FromHours(1));
        m.Published.Source.ShouldBe(DateSource.FrontMatter);
        m.Published.Precision.ShouldBe(DatePrecision.Second);
        m.Published.RawText.ShouldBe("2024-03-05T09:30:00+01:00");
        m.Tags.ShouldBe(["harbour", "tides", "local"]);
        m.Authors.ShouldBe(["Mara Quill"]);
        m.Description.ShouldBe("How the harbour town reads its tides, with a table and a picture.");
        m.LeadImage.ShouldBe("https://example.org/images/cover.jpg");
        m.OriginalUrl.ShouldBe("https://harbour.example.org/posts/tide-tables/");
        m.Site.ShouldBe(new SiteInfo("harbour.example.org", "harbour.example.org"));
        m.Id.ShouldBe("harbour.example.org/hugo-post");
        m.Language.ShouldBe("en");
    }

    [Fact]
    public void HugoPostBodyHasItsBlocksInOrder()
    {
        var article = Fixtures.Read("hugo-post.md");
        article.Warnings.ShouldBeEmpty();
        article.Body.Select(b => b.GetType().Name).ShouldBe([
            "ParagraphBlock", "FigureBlock", "HeadingBlock", "TableBlock", "ListBlock", "QuoteBlock", "ParagraphBlock",
            "ParagraphBlock", "FigureBlock", "ParagraphBlock"]);
        var lead = (ParagraphBlock)article.Body[0];
        lead.Inlines.OfType<EmphasisInline>().Single().Inlines.ShouldBe([new TextInline("tide tables")]);
        lead.Inlines.OfType<StrongInline>().Single().Inlines.ShouldBe([new TextInline("Monday")]);
        var link = lead.Inlines.OfType<LinkInline>().Single();
        (link.Url, link.Title).ShouldBe(("https://harbour.example.org/tides", "Tides page"));
        article.Body[1].ShouldBe(new FigureBlock("https://example.org/images/low-tide.jpg", "The harbour at low tide", "", ""));
        ((HeadingBlock)article.Body[2]).Level.ShouldBe(2);
        var table = (TableBlock)article.Body[3];
        table.Rows.Length.ShouldBe(3);
        table.Rows[0].IsHeader.ShouldBeTrue();
        table.Rows[2].Cells.Select(c => ((TextInline)c.Inlines.Single()).Text).ShouldBe(["Tuesday", "06:58", "13:15"]);
        var list = (ListBlock)article.Body[4];
        list.Ordered.ShouldBeFalse();
        list.Items[1].Blocks[1].ShouldBeOfType<ListBlock>().Items.Length.ShouldBe(2);
        article.Body[6].ShouldBeOfType<ParagraphBlock>().Inlines.ShouldBe([new TextInline("tide --port harbour --days 7")], "a code block is a paragraph of its text");
        ((ParagraphBlock)article.Body[7]).Inlines.ShouldBe([new TextInline("Photo after the text:")]);
        ((FigureBlock)article.Body[8]).Alt.ShouldBe("A gull on the pier");
        ((ParagraphBlock)article.Body[9]).Inlines.ShouldBe([new TextInline("and more text after it.")], "the space beside the image goes with it");
        article.Statistics.Images.ShouldBe(2);
    }

    [Fact]
    public void JekyllPostMapsAuthorsZoneAndBody()
    {
        var article = Fixtures.Read("jekyll-post.md");
        var m = article.Metadata;
        m.Title.ShouldBe("Notes from the Orchard Fair");
        m.Published.Value.ShouldBe(new DateTimeOffset(2023, 9, 17, 14, 5, 0, TimeSpan.FromHours(8)));
        m.Published.Value.Offset.ShouldBe(TimeSpan.FromHours(8));
        m.Authors.ShouldBe(["Ilse Varga", "Tomas Berk"]);
        m.Tags.ShouldBe(["orchard", "fair"]);
        m.Language.ShouldBe("en");
        m.Site.Code.ShouldBe("unknown");
        m.Id.ShouldBe("jekyll-post");
        m.LeadImage.ShouldBe("/assets/stalls.jpg");
        article.Warnings.ShouldBeEmpty();
        article.Body.Select(b => b.GetType().Name).ShouldBe([
            "HeadingBlock", "ParagraphBlock", "FigureBlock", "ListBlock", "TableBlock", "QuoteBlock", "ParagraphBlock",
            "ParagraphBlock", "RuleBlock", "ParagraphBlock"]);
        ((ParagraphBlock)article.Body[1]).Inlines[^1].ShouldBe(new TextInline(" stalls and one very large pumpkin."), "a soft line break is a space");
        article.Body[2].ShouldBe(new FigureBlock("/assets/stalls.jpg", "Stalls along the lane", "Stalls along the lane at noon", ""));
        var list = (ListBlock)article.Body[3];
        (list.Ordered, list.Start, list.Items.Length).ShouldBe((true, 1, 2));
        list.Items[0].Blocks[1].ShouldBeOfType<ListBlock>().Ordered.ShouldBeTrue();
        article.Body[6].ShouldBeOfType<ParagraphBlock>().Inlines.ShouldBe([new TextInline("press --cider --batch 12")]);
        article.Body[7].ShouldBeOfType<ParagraphBlock>().Inlines.ShouldBe([new TextInline("Entry was free & open to all.")], "an HTML block keeps its text");
    }

    [Fact]
    public void CategoriesOfConvertifysOwnFilesAreTheSiteNotTags()
    {
        var article = Fixtures.ReadText("""
            ---
            title: "T"
            date: 2024-01-02T03:04:05Z
            categories:
            - "美国之音"
            source: "美国之音"
            site: "voa"
            original_url: "https://www.voachinese.com/a/1.html"
            feed_time: 2024-01-02T03:00:00Z
            date_source: "body_date_only"
            lang: "zh-Hans"
            id: "voa/1"
            ---

            正文。
            """);
        var m = article.Metadata;
        m.Tags.ShouldBeEmpty();
        m.Site.ShouldBe(new SiteInfo("voa", "美国之音"));
        m.Id.ShouldBe("voa/1");
        m.FeedTime.ShouldBe(new DateTimeOffset(2024, 1, 2, 3, 0, 0, TimeSpan.Zero));
        m.Published.Source.ShouldBe(DateSource.BodyDateOnly);
        m.Published.Precision.ShouldBe(DatePrecision.Day);
    }

    [Theory]
    [InlineData("2024-03-05", 2024, 3, 5, 0, 0, 0, DatePrecision.Day)]
    [InlineData("2024-03-05T10:20:30Z", 2024, 3, 5, 10, 20, 0, DatePrecision.Second)]
    [InlineData("2024-03-05 10:20", 2024, 3, 5, 10, 20, 0, DatePrecision.Minute)]
    [InlineData("2024-03-05T10:20:30.250+05:30", 2024, 3, 5, 10, 20, 330, DatePrecision.Millisecond)]
    [InlineData("2024-03-05 10:20:30 -0700", 2024, 3, 5, 10, 20, -420, DatePrecision.Second)]
    public void DatesWithAndWithoutTimeOrZone(string date, int year, int month, int day, int hour, int minute, int offsetMinutes, DatePrecision precision)
    {
        var published = Fixtures.ReadText($"---\ntitle: x\ndate: {date}\n---\n\ntext\n").Metadata.Published;
        (published.Value.Year, published.Value.Month, published.Value.Day, published.Value.Hour, published.Value.Minute).ShouldBe((year, month, day, hour, minute));
        published.Value.Offset.ShouldBe(TimeSpan.FromMinutes(offsetMinutes));
        published.Precision.ShouldBe(precision);
        published.Source.ShouldBe(DateSource.FrontMatter);
    }

    [Theory]
    [InlineData("author: \"Solo Writer\"", new[] { "Solo Writer" })]
    [InlineData("author: [\"A One\", \"B Two\"]", new[] { "A One", "B Two" })]
    [InlineData("authors: \"Only Name\"", new[] { "Only Name" })]
    public void AuthorIsAStringOrAList(string line, string[] expected) =>
        Fixtures.ReadText($"---\ntitle: x\ndate: 2024-01-01\n{line}\n---\n\ntext\n").Metadata.Authors.ShouldBe(expected);

    [Fact]
    public void SiteKeyWinsOverTheUrlHost()
    {
        var m = Fixtures.ReadText("---\ntitle: x\ndate: 2024-01-01\nsite: myblog\nurl: https://www.example.com/a\n---\n\ntext\n", "posts/a.md").Metadata;
        m.Site.ShouldBe(new SiteInfo("myblog", "myblog"));
        m.Id.ShouldBe("myblog/a");
        Fixtures.ReadText("---\ntitle: x\ndate: 2024-01-01\nsource: https://www.example.com/a\n---\n\ntext\n").Metadata.Site.Code.ShouldBe("example.com");
    }

    [Theory]
    [InlineData("这是一个简体中文的句子，我们说的是国家的时间。", "zh-Hans")]
    [InlineData("這是一個繁體中文的句子，我們說的是國家的時間。", "zh-Hant")]
    [InlineData("A plain English sentence about the weather.", "en")]
    public void LanguageIsGuessedWithoutALangKey(string body, string expected) =>
        Fixtures.ReadText($"---\ntitle: t\ndate: 2024-01-01\n---\n\n{body}\n").Metadata.Language.ShouldBe(expected);

    [Fact]
    public void AWrappedLineJoinsWithASpaceExceptBetweenCjkCharacters()
    {
        var body = Fixtures.ReadText("---\ntitle: t\ndate: 2024-01-01\n---\n\n第一行文字\n第二行文字 and\nwords\n").Body;
        body.ShouldHaveSingleItem().ShouldBeOfType<ParagraphBlock>().Inlines.ShouldBe([new TextInline("第一行文字第二行文字 and words")]);
    }
}
