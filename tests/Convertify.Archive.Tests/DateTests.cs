using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

public sealed class DateTests
{
    [Fact]
    public void Rfc1123_date_line_is_authoritative_and_leaves_the_body()
    {
        var article = Read("<div><i>Thu, 29 Dec 2022 15:59:01 GMT</i></div><p>临登港正文。</p>");
        var published = article.Metadata.Published;
        published.Value.ShouldBe(new DateTimeOffset(2022, 12, 29, 15, 59, 1, TimeSpan.Zero));
        published.Value.Offset.ShouldBe(TimeSpan.Zero);
        published.Source.ShouldBe(DateSource.BodyWithZone);
        published.Precision.ShouldBe(DatePrecision.Second);
        published.RawText.ShouldBe("Thu, 29 Dec 2022 15:59:01 GMT");
        BodyText(article).ShouldBe("临登港正文。\n");
    }

    [Fact]
    public void Iso_date_with_author_names_the_author()
    {
        var article = Read("<div><i>Mira Holm<br>2025-02-15T08:03:55.243Z</i></div><p>正文。</p>", path: "articles/dw/1.md");
        article.Metadata.Authors.ShouldBe(["Mira Holm"]);
        article.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2025, 2, 15, 8, 3, 55, 243, TimeSpan.Zero));
        article.Metadata.Published.Precision.ShouldBe(DatePrecision.Millisecond);
        article.Metadata.Published.Source.ShouldBe(DateSource.BodyWithZone);
    }

    [Theory]
    [InlineData("null 米娅·霍夫曼", new[] { "米娅·霍夫曼" })]
    [InlineData("   米娅·霍夫曼（综合报道）", new[] { "米娅·霍夫曼" })]
    [InlineData("", new string[0])]
    [InlineData("   ", new string[0])]
    [InlineData("（综合报道）", new string[0])]
    [InlineData("null", new string[0])]
    [InlineData("甲、乙", new[] { "甲", "乙" })]
    [InlineData("萨姆（Sam Smith）", new[] { "萨姆（Sam Smith）" })]
    public void Author_artefacts_are_cleaned(string author, string[] expected)
    {
        var article = Read($"<div><i>{author}<br>2025-02-15T08:03:55.243Z</i></div><p>正文。</p>", path: "articles/dw/1.md");
        article.Metadata.Authors.ShouldBe(expected);
        BodyText(article).ShouldBe("正文。\n");
    }

    [Fact]
    public void Zone_less_nyt_time_is_beijing_time()
    {
        // Feed 2021-04-06T09:37:01Z; body 17:24:20 local = 09:24:20Z.
        var article = Read("<div><i>艾琳·沃德<br>2021-04-06 17:24:20</i></div><p>正文。</p>", path: "articles/nyt/1.md",
            url: "https://cn.nytimes.com/a/", feedMs: 1617701821000);
        article.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2021, 4, 6, 17, 24, 20, TimeSpan.FromHours(8)));
        article.Metadata.Published.Value.Offset.ShouldBe(TimeSpan.FromHours(8));
        article.Metadata.Published.Source.ShouldBe(DateSource.BodyReconciled);
        article.Metadata.Authors.ShouldBe(["艾琳·沃德"]);
    }

    [Fact]
    public void Nyt_address_and_time_are_lifted()
    {
        var article = Read("<address>SAMUEL OKAFOR, LENA BRANDT</address><time pudate=\"2025-02-14 05:24:00\" datetime=\"2025-02-14 05:24:00\">2025年2月14日</time><section><p>正文。</p></section>",
            path: "articles/nyt/1.md", url: "https://cn.nytimes.com/a/", feedMs: 1739525821000);
        article.Metadata.Authors.ShouldBe(["SAMUEL OKAFOR", "LENA BRANDT"]);
        article.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2025, 2, 14, 5, 24, 0, TimeSpan.FromHours(8)));
        article.Metadata.Published.Source.ShouldBe(DateSource.BodyReconciled);
        BodyText(article).ShouldBe("正文。\n");
    }

    [Theory]
    [InlineData("26/09/2023 - 10:44", 1695719701000, 2)] // summer time
    [InlineData("12/11/2021 - 15:42", 1636728301000, 1)] // winter time
    public void Rfi_date_is_paris_time(string line, long feed, int offset)
    {
        var article = Read($"<div>{line}</div>Array<p>正文。</p>", path: "articles/rfi/1.md", url: "https://www.rfi.fr/cn/a", feedMs: feed);
        article.Metadata.Published.Value.Offset.ShouldBe(TimeSpan.FromHours(offset));
        article.Metadata.Published.Source.ShouldBe(DateSource.BodyReconciled);
        article.Metadata.Published.Precision.ShouldBe(DatePrecision.Minute);
        article.Metadata.Published.RawText.ShouldBe(line);
        article.Metadata.Published.Value.ShouldBeLessThanOrEqualTo(article.Metadata.FeedTime);
        BodyText(article).ShouldBe("正文。\n");
        HasWarning(article, "text.array-artifact-removed").ShouldBeTrue();
    }

    [Fact]
    public void Chinese_date_only_is_midnight_beijing_with_day_precision()
    {
        var article = Read("<div><i>2020年 9月 9日</i></div><p>正文。</p>", path: "articles/bbc/1.md", url: "http://www.bbc.com/zhongwen/simp/a", feedMs: 1599680802000);
        article.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2020, 9, 9, 0, 0, 0, TimeSpan.FromHours(8)));
        article.Metadata.Published.Source.ShouldBe(DateSource.BodyDateOnly);
        article.Metadata.Published.Precision.ShouldBe(DatePrecision.Day);
        BodyText(article).ShouldBe("正文。\n");
    }

    [Fact]
    public void Relative_time_is_ignored_and_the_feed_time_used()
    {
        var article = Read("<main><div></div><div><time dateTime=\"2024-08-07\">15 分钟前</time></div><div><p>正文。</p></div></main>",
            path: "articles/bbc/1.md", url: "https://www.bbc.com/zhongwen/simp/a");
        article.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
        article.Metadata.Published.Value.ShouldBe(article.Metadata.FeedTime);
        article.Metadata.Published.RawText.ShouldBeNull();
        BodyText(article).ShouldBe("正文。\n");
    }

    [Fact]
    public void No_date_line_means_feed_time()
    {
        var article = Read("<p>正文。</p>", path: "articles/rfa/1.md", url: "https://www.rfa.org/a.html");
        article.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
        article.Metadata.Published.Value.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(FeedMs));
    }

    [Fact]
    public void Italic_text_that_is_not_a_date_stays_in_the_body()
    {
        var article = Read("<div><i>临登港的一个早晨</i></div><p>正文。</p>");
        article.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
        BodyText(article).ShouldBe("临登港的一个早晨\n正文。\n");
    }

    [Fact]
    public void Bbc_byline_list_before_the_time_names_the_author()
    {
        var article = Read("<main><div></div><div><div><ul role=\"list\"><li role=\"listitem\">韦兰（Wei Lan）</li><li role=\"listitem\">BBC中文，临登港</li></ul></div></div><div><time dateTime=\"2024-08-07\">15 分钟前</time></div><div><p>正文。</p></div><ul role=\"list\"><li>不是署名</li></ul></main>",
            path: "articles/bbc/1.md", url: "https://www.bbc.com/zhongwen/simp/a");
        article.Metadata.Authors.ShouldBe(["韦兰（Wei Lan）"]);
        BodyText(article).ShouldBe("正文。\n不是署名\n");
    }

    [Fact]
    public void Ft_empty_date_div_leaves_nothing()
    {
        var article = Read("<div></div><div>临登港：导语。</div><p>正文。</p>", path: "articles/ft/1.md", url: "https://cn.ft.com/story/1");
        BodyText(article).ShouldBe("临登港：导语。\n正文。\n");
        article.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
    }
}
