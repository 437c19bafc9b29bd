using System.Text;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

public sealed class HeaderTests
{
    [Fact]
    public void Reads_the_frame()
    {
        var article = Read("<p>临登港的早晨很安静。</p>");
        article.Metadata.Title.ShouldBe("临登港的早晨");
        article.Metadata.OriginalUrl.ShouldBe("https://www.voachinese.com/a/lindenport/1.html");
        article.Metadata.FeedTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(FeedMs));
        article.Metadata.FeedTime.Offset.ShouldBe(TimeSpan.Zero);
        article.Metadata.Id.ShouldBe("voa/1000001");
        article.Metadata.SourcePath.ShouldBe("articles/voa/1000001.md");
        Paragraphs(article).ShouldBe(["临登港的早晨很安静。"]);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Accepts_any_line_end_a_bom_trailing_whitespace_and_no_final_newline(string eol)
    {
        var text = $"\uFEFF<!--{FeedMs}-->  {eol}[临登港](https://www.voachinese.com/a/x.html)\t{eol}------   {eol}{eol}<p>正文。</p>";
        var article = ReadText(text);
        article.Metadata.Title.ShouldBe("临登港");
        article.Metadata.OriginalUrl.ShouldBe("https://www.voachinese.com/a/x.html");
        BodyText(article).ShouldBe("正文。\n");
    }

    [Fact]
    public void Title_keeps_brackets_parentheses_quotes_and_url_parentheses()
    {
        var text = $"<!--{FeedMs}-->\n[【快讯】\"临登港\" [更新] (第二版) – 法国国际广播电台 - RFI](https://en.example.org/wiki/Lindenport_(city))\n------\n\n<p>x</p>";
        var article = ReadText(text);
        article.Metadata.Title.ShouldBe("【快讯】\"临登港\" [更新] (第二版) – 法国国际广播电台 - RFI");
        article.Metadata.OriginalUrl.ShouldBe("https://en.example.org/wiki/Lindenport_(city)");
    }

    [Fact]
    public void Joins_a_title_split_over_two_lines()
    {
        var cjk = ReadText($"<!--{FeedMs}-->\n[临登港市议会\n通过渡轮补贴](https://www.voachinese.com/a/x.html)\n------\n\n<p>x</p>");
        cjk.Metadata.Title.ShouldBe("临登港市议会通过渡轮补贴");
        HasWarning(cjk, "header.title-joined").ShouldBeTrue();
        var latin = ReadText($"<!--{FeedMs}-->\n[Lindenport council\napproves ferry aid](https://www.voachinese.com/a/x.html)\n------\n\n<p>x</p>");
        latin.Metadata.Title.ShouldBe("Lindenport council approves ferry aid");
    }

    [Fact]
    public void Empty_input_is_refused()
    {
        Refuse([], FormatProblem.Empty);
        Refuse(Encoding.UTF8.GetBytes(" \n\r\n"), FormatProblem.Empty);
        Refuse([0xEF, 0xBB, 0xBF], FormatProblem.Empty);
    }

    [Fact]
    public void Binary_input_is_refused()
    {
        var e = Refuse([0x3C, 0x21, 0x00, 0x01, 0x02], FormatProblem.Binary);
        e.Message.ShouldContain("offset 2");
    }

    [Fact]
    public void Invalid_utf8_names_the_byte_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(Frame("<p>ok</p>")).Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var e = Refuse(bytes, FormatProblem.InvalidEncoding);
        e.Message.ShouldContain($"offset {bytes.Length - 2}");
    }

    [Fact]
    public void Invalid_utf8_in_the_frame_names_its_offset_too()
    {
        var bytes = Encoding.UTF8.GetBytes(Frame("<p>ok</p>"));
        bytes[5] = 0xFF; // a digit of the feed time
        var e = Refuse(bytes, FormatProblem.InvalidEncoding);
        e.Message.ShouldContain("invalid byte 0xFF at offset 5)");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(950)]
    [InlineData(1100)]
    [InlineData(8120)]
    [InlineData(9000)]
    public void A_frame_longer_or_shorter_than_the_part_decoded_first_reads_the_same(int urlLength)
    {
        // The frame is decoded apart from the body when it fits the first 1 KB or 8 KB; the result must not depend on where the cut falls.
        var url = "https://www.voachinese.com/a/" + new string('x', urlLength) + ".html";
        foreach (var eol in new[] { "\n", "\r\n", "\r" })
        {
            var text = $"<!--{FeedMs}-->{eol}[临登港 的早晨]({url}){eol}------{eol}{eol}<p>正文，第一段。</p>{eol}<p>第二段 ünïcödé。</p>";
            var article = ReadText(text);
            article.Metadata.OriginalUrl.ShouldBe(url, eol);
            article.Metadata.Title.ShouldBe("临登港 的早晨");
            BodyText(article).ShouldBe("正文，第一段。\n第二段 ünïcödé。\n", eol);
        }
    }

    [Fact]
    public void A_body_of_many_lines_partly_inside_the_part_decoded_first_reads_whole()
    {
        // Short lines of three-byte characters: the parts decoded first end on line breaks inside the body.
        var lines = Enumerable.Range(0, 600).Select(i => $"<p>临登港{i}。</p>").ToList();
        var article = ReadText(Frame(string.Join("\n", lines)));
        BodyText(article).ShouldBe(string.Concat(Enumerable.Range(0, 600).Select(i => $"临登港{i}。\n")));
    }

    [Theory]
    [InlineData("<!--1672331948000-->\n[临登港](https://x.example/a)\n", "truncated header")]
    [InlineData("<!--1672331948000-->\n", "truncated header")]
    [InlineData("<!--16723319480", "truncated header")]
    [InlineData("<!--yesterday-->\n[临登港](https://x.example/a)\n------\n\n<p>x</p>", "unparseable feed time")]
    [InlineData("<!--99999999999999999999-->\n[临登港](https://x.example/a)\n------\n\n<p>x</p>", "unparseable feed time")]
    [InlineData("<!--1672331948000-->\n临登港\n------\n\n<p>x</p>", "missing title line")]
    [InlineData("<p>just html</p>", "line 1")]
    [InlineData("<!--1672331948000-->\n[临登港]\n------\n\n<p>x</p>", "malformed title line")]
    public void Bad_headers_are_refused_with_one_clear_line(string text, string expected)
    {
        var e = Should.Throw<ArticleFormatException>(() => ReadText(text, "bad.md"));
        e.Problem.ShouldBe(FormatProblem.InvalidHeader);
        e.Message.ShouldStartWith("bad.md: ");
        e.Message.ShouldContain(expected);
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void An_index_page_is_recognised()
    {
        var text = "临登港\n------\n\n9-25 [临登港市议会通过新的渡轮补贴方案](/articles/voa/1090001.md)\n\n9-24 [另一篇](/articles/dw/1090002.md)";
        var e = Should.Throw<ArticleFormatException>(() => ReadText(text, "archive/lists/临登港.md"));
        e.Problem.ShouldBe(FormatProblem.ArchiveIndex);
        e.Message.ShouldContain("临登港.md is an archive index page, not an article");
    }

    [Fact]
    public void An_empty_index_page_in_a_lists_folder_is_recognised()
    {
        var e = Should.Throw<ArticleFormatException>(() => ReadText("临登港\n------\n", "archive/lists/空.md"));
        e.Problem.ShouldBe(FormatProblem.ArchiveIndex);
    }

    [Fact]
    public void Header_without_body_reads_as_an_empty_article()
    {
        var article = ReadText($"<!--{FeedMs}-->\n[临登港](https://www.voachinese.com/a/x.html)\n------\n");
        article.Body.ShouldBeEmpty();
        article.Metadata.Description.ShouldBe(string.Empty);
        article.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
    }

    [Theory]
    [InlineData("articles/dw/1040010.md", "https://www.voachinese.com/a/x.html", "dw", "德国之声", "dw/1040010")]
    [InlineData("some/where/1040010.md", "https://www.voachinese.com/a/x.html", "voa", "美国之音", "voa/1040010")]
    [InlineData("x.md", "https://cn.nytimes.com/a/", "nyt", "纽约时报", "nyt/x")]
    [InlineData("x.md", "https://www.nytimes.com/zh-hans/a.html", "nyt", "纽约时报", "nyt/x")]
    [InlineData("x.md", "https://www.ftchinese.com/story/1", "ft", "金融时报", "ft/x")]
    [InlineData("x.md", "https://www.rfi.fr/cn/a", "rfi", "法广", "rfi/x")]
    [InlineData("x.md", "https://www.bbc.com/zhongwen/simp/a", "bbc", "BBC", "bbc/x")]
    [InlineData("x.md", "https://cn.reuters.com/article/a", "reuters", "路透", "reuters/x")]
    [InlineData("x.md", "https://www.rfa.org/mandarin/a.html", "rfa", "自由亚洲电台", "rfa/x")]
    [InlineData("x.md", "https://chinadigitaltimes.net/chinese/1.html", "cdt", "中国数字时代", "cdt/x")]
    [InlineData("x.md", "https://www.dw.com/zh/a", "dw", "德国之声", "dw/x")]
    [InlineData("x.md", "https://news.lindenport.example/a", "news.lindenport.example", "news.lindenport.example", "news.lindenport.example/x")]
    [InlineData("articles/lindenport/7.md", "https://news.lindenport.example/a", "news.lindenport.example", "news.lindenport.example", "news.lindenport.example/7")]
    public void Site_comes_from_the_folder_else_the_host(string path, string url, string code, string name, string id)
    {
        var article = Read("<p>x</p>", path: path, url: url);
        article.Metadata.Site.ShouldBe(new SiteInfo(code, name));
        article.Metadata.Id.ShouldBe(id);
    }

    [Fact]
    public void Control_characters_in_the_title_are_removed_with_a_warning()
    {
        var article = Read("<p>x</p>", title: "临登港\u0001早晨");
        article.Metadata.Title.ShouldBe("临登港早晨");
        HasWarning(article, "text.control-removed").ShouldBeTrue();
    }

    private static ArticleFormatException Refuse(byte[] bytes, FormatProblem problem)
    {
        var e = Should.Throw<ArticleFormatException>(() => ReadBytes(bytes, "in.md"));
        e.Problem.ShouldBe(problem);
        e.Message.ShouldStartWith("in.md: ");
        e.Message.ShouldNotContain("\n");
        return e;
    }
}
