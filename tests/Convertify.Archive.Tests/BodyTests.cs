using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

public sealed class BodyTests
{
    [Fact]
    public void A_site_app_promotion_notice_is_removed_but_similar_prose_stays()
    {
        var article = Read("<div><div>来自示例网的温馨提示：如您喜欢本站内容，请在应用商店搜索“示例网”，下载官方应用，付费订阅。</div>"
            + "<p>市议会星期四通过方案。</p><p>来自市民的温馨提示很多，议员说会认真听取。</p></div>");
        Paragraphs(article).ShouldBe(["市议会星期四通过方案。", "来自市民的温馨提示很多，议员说会认真听取。"]);
        HasWarning(article, "boilerplate.promotion").ShouldBeTrue();
    }

    [Fact]
    public void Double_br_separates_paragraphs_single_br_breaks_the_line()
    {
        var article = Read("<p>第一段。 <br /><br />第二段第一行<br>第二行。<br/><br/><br/>第三段。<br></p>");
        Paragraphs(article).ShouldBe(["第一段。", "第二段第一行⏎第二行。", "第三段。"]);
    }

    [Fact]
    public void Text_outside_paragraphs_is_kept_as_paragraphs()
    {
        var article = Read("开头的文字<p>段落。</p>结尾的文字<div>盒子里的文字</div>");
        Paragraphs(article).ShouldBe(["开头的文字", "段落。", "结尾的文字", "盒子里的文字"]);
    }

    [Fact]
    public void Voa_dateline_opens_the_first_paragraph()
    {
        var article = Read("<img src=\"https://img.example.org/a.jpg\"><div><small>图片说明</small></div>临登港 — <p>市议会星期四通过方案。</p>");
        Paragraphs(article).ShouldBe(["临登港 — 市议会星期四通过方案。"]);
    }

    [Fact]
    public void Span_wrappers_vanish_without_splitting_words()
    {
        var article = Read("<p>临登<span data-type=\"AUTO_TOPIC\">港</span>的<span><span><span>渡轮</span></span></span>。Lin<span>den</span>port</p>");
        Paragraphs(article).ShouldBe(["临登港的渡轮。Lindenport"]);
    }

    [Fact]
    public void Entirely_bold_paragraph_stays_a_paragraph_and_split_bold_merges()
    {
        var article = Read("<p><strong>小标题</strong></p><p><strong>网民</strong><strong>“</strong><strong>再见</strong><strong>  </strong><strong>海鸥号</strong></p><p><b><b>双层</b></b></p>");
        Paragraphs(article).ShouldBe(["**小标题**", "**网民“再见** **海鸥号**", "**双层**"]);
    }

    [Fact]
    public void Google_docs_styles_and_emoji_images()
    {
        var article = Read("<b style=\"font-weight:normal;\" id=\"docs-internal-guid-1\"><p><span style=\"font-weight: 400;\">普通</span><span style=\"font-weight:700\">加粗</span><span style=\"font-style: italic\">斜体</span></p></b><p>生气<img class=\"wp-smiley emoji\" alt=\"😡\" src=\"https://s.w.org/images/core/emoji/14.0.0/svg/1f621.svg\"></p>");
        Paragraphs(article).ShouldBe(["普通**加粗**_斜体_", "生气😡"]);
        article.Body.OfType<FigureBlock>().ShouldBeEmpty();
    }

    [Fact]
    public void Whitespace_collapses_but_not_between_cjk_across_a_line_break()
    {
        var article = Read("<p>  临登港\n   的早晨   很 安静 。\tEnglish   words\nhere. 全角　空格 </p><p>&nbsp;末尾　</p>");
        Paragraphs(article).ShouldBe(["临登港的早晨 很 安静 。 English words here. 全角　空格", "末尾"]);
    }

    [Fact]
    public void Entities_decode()
    {
        var article = Read("<p>A &amp; B &lt;tag&gt; &quot;q&quot; &#x4E2D;&#25991; &copy;</p>");
        Paragraphs(article).ShouldBe(["A & B <tag> \"q\" 中文 ©"]);
    }

    [Fact]
    public void Headings_lists_tables_quotes_rules()
    {
        var article = Read("<h2 id=\"x\" tabindex=\"-1\">政纲</h2><ul role=\"list\"><li>一<ul><li>一点一</li></ul></li><li><a href=\"/a/2.html\">链接</a></li><li><span> </span></li></ul><ol start=\"3\"><li>三</li></ol>"
            + "<table><caption>表</caption><thead><tr><th>年</th><th>数</th></tr></thead><tbody><tr><td colspan=\"2\">合计</td></tr></tbody></table><blockquote><p>引文。</p></blockquote><hr><p>完。</p>");
        var heading = article.Body[0].ShouldBeOfType<HeadingBlock>();
        heading.Level.ShouldBe(2);
        Render(heading.Inlines).ShouldBe("政纲");
        var list = article.Body[1].ShouldBeOfType<ListBlock>();
        list.Ordered.ShouldBeFalse();
        list.Items.Length.ShouldBe(2);
        list.Items[0].Blocks[1].ShouldBeOfType<ListBlock>().Items.Single().Blocks.Single().ShouldBeOfType<ParagraphBlock>();
        Render(list.Items[1].Blocks[0].ShouldBeOfType<ParagraphBlock>().Inlines).ShouldBe("[链接](https://www.voachinese.com/a/2.html)");
        var ordered = article.Body[2].ShouldBeOfType<ListBlock>();
        ordered.Ordered.ShouldBeTrue();
        ordered.Start.ShouldBe(3);
        var table = article.Body[3].ShouldBeOfType<TableBlock>();
        table.Caption.ShouldBe("表");
        table.Rows[0].IsHeader.ShouldBeTrue();
        table.Rows[1].Cells.Single().ColumnSpan.ShouldBe(2);
        article.Body[4].ShouldBeOfType<QuoteBlock>();
        article.Body[5].ShouldBeOfType<RuleBlock>();
        Paragraphs(article).ShouldBe(["完。"]);
    }

    [Fact]
    public void Bold_wrapper_around_a_whole_heading_is_dropped()
    {
        var article = Read("<h2><strong>一问：临登港</strong></h2><h3>部分<b>加粗</b></h3>");
        Render(article.Body[0].ShouldBeOfType<HeadingBlock>().Inlines).ShouldBe("一问：临登港");
        Render(article.Body[1].ShouldBeOfType<HeadingBlock>().Inlines).ShouldBe("部分**加粗**");
    }

    [Fact]
    public void Twitter_blockquote_keeps_text_and_drops_script()
    {
        var article = Read("<blockquote class=\"twitter-tweet\"><p>海鸥号退役了 <a href=\"https://t.co/abc\">pic.twitter.com/abc</a></p>— 日报 (@Daily) <a href=\"https://twitter.com/Daily/status/1\">October 28, 2023</a></blockquote><p><script async src=\"https://platform.twitter.com/widgets.js\"></script></p>");
        var quote = Single<QuoteBlock>(article);
        PlainTextOf(quote).ShouldContain("海鸥号退役了");
        PlainTextOf(quote).ShouldContain("October 28, 2023");
        BodyText(article).ShouldNotContain("widgets");
    }

    [Fact]
    public void Media_become_embeds_with_absolute_urls()
    {
        var article = Read("<video src=\"/media/tram.mp4\" controls></video><audio controls><source src=\"https://cdn.example/a.mp3\"></audio><iframe src=\"//player.example/embed/1?a=1&amp;b=2\"></iframe><iframe src=\"https://twitter.com/i/status/1\"></iframe><iframe src=\"javascript:void(0)\"></iframe>",
            url: "https://www.dw.com/zh/a/b");
        article.Body.OfType<EmbedBlock>().Select(e => (e.Kind, e.Url)).ShouldBe([
            (EmbedKind.Video, "https://www.dw.com/media/tram.mp4"),
            (EmbedKind.Audio, "https://cdn.example/a.mp3"),
            (EmbedKind.Frame, "https://player.example/embed/1?a=1&b=2"),
            (EmbedKind.Post, "https://twitter.com/i/status/1"),
        ]);
    }

    [Fact]
    public void Links_resolve_and_unusable_ones_keep_their_text()
    {
        var article = Read("<p><a href=\"/a/1.html\">相对</a> <a href=\"javascript:void(0)\">脚本</a> <a href=\"#\">锚</a> <a href=\"\">空</a> <a href=\"mailto:desk@example.org\">邮件</a> <a href=\"ftp://x.example/f\">文件</a><a href=\"/a/2.html\"></a><a href=\"https://www.facebook.com/dialog/share?x=1\"><span></span></a></p>",
            url: "https://www.voachinese.com/a/lindenport/1.html");
        Paragraphs(article).ShouldBe(["[相对](https://www.voachinese.com/a/1.html) 脚本 锚 空 [邮件](mailto:desk@example.org) 文件"]);
        article.RelatedLinks.ShouldBe([new RelatedLink("https://www.voachinese.com/a/2.html", null)]);
    }

    [Fact]
    public void Feed_footer_share_blocks_ads_and_hidden_labels_are_removed()
    {
        var article = Read("<p>正文。</p><section aria-label=\"广告 2\" role=\"region\"><div id=\"dotcom-mpu\">广告位</div></section><div data-o-ads-name=\"mpu\" data-cy='[{\"a\":1}]'></div><span class=\"visually-hidden\">屏幕阅读器</span><span class=\"sr-only\">仅读屏</span>"
            + "<div><div>分享 :</div><div><a href=\"https://www.facebook.com/dialog/share?a=1\"><span></span></a><span data-root-share><share-button v-on:open=\"openModal\"></share-button></span></div></div>"
            + "<div class=\"addtoany_share_save_container\"><a class=\"a2a_button_facebook\" href=\"https://www.addtoany.com/add_to/facebook\"></a></div><style>.x{color:red}</style><script>var a=1;</script><!--pay wall 1: 0-->"
            + "<br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\" style=\"color:orange\">https://feedx.net</a> <br><a href=\"https://feedx.example\">https://feedx.example</a><br></div>");
        Paragraphs(article).ShouldBe(["正文。"]);
        article.Body.Length.ShouldBe(1);
        article.RelatedLinks.ShouldBeEmpty();
        HasWarning(article, "boilerplate.feed-footer").ShouldBeTrue();
        HasWarning(article, "boilerplate.ad").ShouldBeTrue();
        HasWarning(article, "boilerplate.hidden").ShouldBeTrue("the screen-reader labels held text");
    }

    [Fact]
    public void Removed_share_and_hidden_blocks_are_reported_only_when_they_held_text()
    {
        var empty = Read("<p>正文。</p><span class=\"visually-hidden\"> </span><div class=\"sharing\"><a href=\"https://www.facebook.com/dialog/share?a=1\"></a></div>");
        Paragraphs(empty).ShouldBe(["正文。"]);
        HasWarning(empty, "boilerplate.hidden").ShouldBeFalse();
        HasWarning(empty, "boilerplate.share").ShouldBeFalse();

        var worded = Read("<p>正文。</p><div class=\"sharing\"><a href=\"https://www.facebook.com/dialog/share?a=1\">Facebook</a></div>");
        Paragraphs(worded).ShouldBe(["正文。"]);
        HasWarning(worded, "boilerplate.share").ShouldBeTrue();
    }

    [Theory]
    [InlineData("获取更多RSS：", true)]
    [InlineData("獲取更多RSS：", true)]
    [InlineData("索取更多RSS：", false)]
    [InlineData("取更多RSS：", false)]
    public void Feed_footer_is_recognised_in_either_script_and_only_whole(string line, bool footer)
    {
        var article = Read($"<p>正文。</p><div>{line}<br><a href=\"https://feedx.example\">https://feedx.example</a></div>");
        HasWarning(article, "boilerplate.feed-footer").ShouldBe(footer);
        Paragraphs(article).Count.ShouldBe(footer ? 1 : 2);
    }

    [Fact]
    public void Cdt_info_card_is_removed_and_its_author_kept()
    {
        var article = Read("<div style=\"float:right\"><div class=\"su-spoiler su-spoiler-style-fancy\"><div class=\"su-spoiler-title\">CDT 档案卡</div><div class=\"su-spoiler-content\"><strong>标题：</strong>临登港<br><strong>作者：</strong><a href=\"https://cdt.example/space/x\">临登港观察</a><br><strong>发表日期：</strong>2025.2.5</div></div></div><p><strong>CDT编辑注：</strong>正文。**</p>",
            path: "articles/cdt/1.md", url: "https://chinadigitaltimes.net/chinese/1.html");
        article.Metadata.Authors.ShouldBe(["临登港观察"]);
        Paragraphs(article).ShouldBe(["**CDT编辑注：**正文。"]);
        HasWarning(article, "boilerplate.info-card").ShouldBeTrue();
        HasWarning(article, "text.markdown-removed").ShouldBeTrue();
    }

    [Fact]
    public void A_paragraph_that_is_only_Array_is_an_artefact()
    {
        var article = Read("<p>正文。</p><div>Array</div><p>Arrays are fine here.</p>");
        Paragraphs(article).ShouldBe(["正文。", "Arrays are fine here."]);
        HasWarning(article, "text.array-artifact-removed").ShouldBeTrue();
    }

    [Fact]
    public void Malformed_markup_is_read_as_a_browser_would()
    {
        var article = Read("<p>一<b>二<i>三</b>四</i>五<p>六</span></div><div>七");
        BodyText(article).ShouldBe("一二三四五\n六\n七\n");
        HasWarning(article, "html.malformed").ShouldBeTrue();
        HasWarning(Read("<p>一<b>二</b></p><div>三</div>"), "html.malformed").ShouldBeFalse();
    }

    [Fact]
    public void Control_characters_are_removed_with_a_warning()
    {
        var article = Read("<p>临登港\u0001的早晨&#x1F;。</p>");
        Paragraphs(article).ShouldBe(["临登港的早晨。"]);
        HasWarning(article, "text.control-removed").ShouldBeTrue();
    }

    [Fact]
    public void English_chinese_and_traditional_are_detected()
    {
        Read("<p>The harbour of Lindenport reopened on Tuesday after the storm.</p>", title: "Lindenport harbour reopens").Metadata.Language.ShouldBe("en");
        Read("<p>临登港的渡轮这个星期退役，们说这是一个时代的结束。</p>").Metadata.Language.ShouldBe("zh-Hans");
        Read("<p>臨登港的渡輪這個星期退役，們說這是一個時代的結束。</p>", title: "臨登港").Metadata.Language.ShouldBe("zh-Hant");
    }

    [Fact]
    public void Derived_description_and_statistics()
    {
        var article = Read("<img src=\"https://img.example.org/a.jpg\"><p>临登港市议会星期四通过渡轮补贴方案。</p><p>第二段<a href=\"https://x.example/\">链接</a>。</p>");
        article.Metadata.Description.ShouldBe("临登港市议会星期四通过渡轮补贴方案。");
        article.Statistics.Images.ShouldBe(1);
        article.Statistics.Paragraphs.ShouldBe(2);
        article.Statistics.Links.ShouldBe(1);
    }

    [Fact]
    public void Deep_nesting_is_refused_quickly()
    {
        var body = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "深处" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var e = Should.Throw<ArticleFormatException>(() => Read(body));
        e.Problem.ShouldBe(FormatProblem.LimitExceeded);
    }

    [Fact]
    public void Moderate_nesting_beyond_the_walk_limit_is_kept_as_text_with_a_warning()
    {
        var body = string.Concat(Enumerable.Repeat("<div><span>", 300)) + "深处的文字" + string.Concat(Enumerable.Repeat("</span></div>", 300)) + "<p>之后。</p>";
        var article = Read(body);
        BodyText(article).ShouldBe("深处的文字\n之后。\n");
        HasWarning(article, "limit.depth").ShouldBeTrue();
    }

    [Fact]
    public void Many_line_breaks_do_not_hang()
    {
        var article = Read("开始" + string.Concat(Enumerable.Repeat("<br>", 200_000)) + "结束");
        Paragraphs(article).ShouldBe(["开始", "结束"]);
    }

    [Fact]
    public void Block_limit_is_enforced()
    {
        var reader = new ArchiveArticleReader(new ArchiveReaderOptions(MaxBlocks: 10));
        var text = Frame(string.Concat(Enumerable.Repeat("<p>段。</p>", 11)));
        var e = Should.Throw<ArticleFormatException>(() => reader.Read(Convertify.Formats.ArticleInput.FromString("x.md", text)));
        e.Problem.ShouldBe(FormatProblem.LimitExceeded);
    }

    [Fact]
    public void Options_refuse_nonsense_limits()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ArchiveReaderOptions(MaxNestingDepth: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new ArchiveReaderOptions(MaxBlocks: -1));
        ArchiveReaderOptions.Default.MaxNestingDepth.ShouldBe(200);
    }

    [Fact]
    public void Reader_is_thread_safe()
    {
        var bodies = Enumerable.Range(0, 64).Select(i => $"<p>第{i}段。</p><img src=\"https://img.example.org/{i}.jpg\">").ToList();
        var expected = bodies.Select(b => BodyText(Read(b))).ToList();
        var actual = new string[bodies.Count];
        Parallel.For(0, bodies.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = BodyText(Read(bodies[i])));
        actual.ShouldBe(expected);
    }

    [Fact]
    public void Registers_with_the_builder()
    {
        var converter = new ConverterBuilder().AddArchiveReader().Build();
        converter.ShouldNotBeNull();
        Reader.Format.Name.ShouldBe("archive");
        Reader.Format.Extension.ShouldBe(".md");
    }

    private static string PlainTextOf(Block block) => Convertify.Text.PlainText.Of([block]);
}
