using Convertify.Conversion;
using System.Collections.Immutable;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

public sealed class BlockTests
{
    [Fact]
    public void ParagraphsAndHeadingsAreSeparatedByBlankLines()
    {
        Body(new HeadingBlock(2, [T("小标题 #1 #")]), P("第一段。"), P(T("第二段"), LineBreakInline.Instance, T("换行。")), new HeadingBlock(9, [T("深")]))
            .ShouldBe("## 小标题 \\#1 \\#\n\n第一段。\n\n第二段\\\n换行。\n\n###### 深\n");
    }

    [Fact]
    public void EmptyBlocksAreSkipped()
    {
        Body(P(""), P("  "), new HeadingBlock(1, []), P("正文"), new QuoteBlock([])).ShouldBe("正文\n");
    }

    [Fact]
    public void EmptyBodyIsOneNewline()
    {
        Body().ShouldBe("\n");
    }

    [Fact]
    public void FiguresAreImagesFollowedByTheCaptionAndCreditInItalics()
    {
        Body(new FigureBlock("https://example.com/a b(1).jpg", "替代文字", "图片说明“引号”", "图片来源：某社"))
            .ShouldBe("![替代文字](<https://example.com/a b(1).jpg>)\n\n*图片说明“引号”*\\\n*图片来源：某社*\n");
        Body(new FigureBlock("https://example.com/a.jpg", "", "说明", "")).ShouldBe("![](https://example.com/a.jpg)\n\n*说明*\n");
        Body(new FigureBlock("", "", "只有说明", "")).ShouldBe("*只有说明*\n");
    }

    [Fact]
    public void FigureReadsBackAsAnImageWithItsCaption()
    {
        var document = MarkdigText.Parse(Body(new FigureBlock("https://example.com/x.jpg", "alt [x]", "cap \"q\"", "")));
        var image = MarkdigText.Images(document).Single();
        image.Url.ShouldBe("https://example.com/x.jpg");
        image.Title.ShouldBeNullOrEmpty();
        MarkdigText.InlineText(image).ShouldBe("alt [x]");
        MarkdigText.PlainText(document).ShouldContain("cap \"q\"");
    }

    [Fact]
    public void NestedListsAreIndentedUnderTheirMarkers()
    {
        var list = new ListBlock(false,
        [
            new ListItem([P("一"), new ListBlock(true, [new ListItem([P("甲")]), new ListItem([P("乙")])])]),
            new ListItem([P("二")]),
        ]);
        Body(list).ShouldBe("- 一\n  1. 甲\n  2. 乙\n- 二\n");
        var document = MarkdigText.Parse(Body(list));
        var outer = document.OfType<Markdig.Syntax.ListBlock>().Single();
        outer.Count.ShouldBe(2);
        ((Markdig.Syntax.ListItemBlock)outer[0]).OfType<Markdig.Syntax.ListBlock>().Single().IsOrdered.ShouldBeTrue();
    }

    [Fact]
    public void ListItemsWithSeveralBlocksMakeALooseList()
    {
        var list = new ListBlock(true, [new ListItem([P("段一"), P("段二")]), new ListItem([new QuoteBlock([P("引")])])], Start: 9);
        Body(list).ShouldBe("9. 段一\n\n   段二\n\n10. > 引\n");
        var document = MarkdigText.Parse(Body(list));
        var parsed = document.OfType<Markdig.Syntax.ListBlock>().Single();
        parsed.Count.ShouldBe(2);
        ((Markdig.Syntax.ListItemBlock)parsed[0]).Count.ShouldBe(2);
        ((Markdig.Syntax.ListItemBlock)parsed[1])[0].ShouldBeOfType<Markdig.Syntax.QuoteBlock>();
    }

    [Fact]
    public void AdjacentListsStayApart()
    {
        var a = new ListBlock(false, [new ListItem([P("a")])]);
        var b = new ListBlock(false, [new ListItem([P("b")])]);
        var c = new ListBlock(false, [new ListItem([P("c")])]);
        Body(a, b, c).ShouldBe("- a\n\n* b\n\n- c\n");
        MarkdigText.Parse(Body(a, b, c)).OfType<Markdig.Syntax.ListBlock>().Count().ShouldBe(3);
        var one = new ListBlock(true, [new ListItem([P("a")])]);
        MarkdigText.Parse(Body(one, one)).OfType<Markdig.Syntax.ListBlock>().Count().ShouldBe(2);
    }

    [Fact]
    public void EmptyListItemsKeepTheirMarker()
    {
        Body(new ListBlock(false, [new ListItem([]), new ListItem([P("x")])])).ShouldBe("-\n- x\n");
    }

    [Fact]
    public void QuotesPrefixEveryLineAndNest()
    {
        var quote = new QuoteBlock([P("外"), new QuoteBlock([P(T("内"), LineBreakInline.Instance, T("- 行"))]), new ListBlock(false, [new ListItem([P("项")])])]);
        Body(quote).ShouldBe("> 外\n>\n> > 内\\\n> > \\- 行\n>\n> - 项\n");
        var document = MarkdigText.Parse(Body(quote));
        var outer = document.OfType<Markdig.Syntax.QuoteBlock>().Single();
        outer.OfType<Markdig.Syntax.QuoteBlock>().Count().ShouldBe(1);
        MarkdigText.PlainText(document).ShouldBe("外\n内\n- 行\n项\n");
    }

    [Fact]
    public void TablesArePipeTablesWithEscapedPipes()
    {
        var table = new TableBlock(
        [
            new TableRow([new TableCell([T("名|称")]), new TableCell([T("数值")])], true),
            new TableRow([new TableCell([B("粗")]), new TableCell([L("https://example.com/?a|b", "链接")])], false),
            new TableRow([new TableCell([T("短行")])], false),
        ], "表格说明");
        var markdown = Body(table);
        markdown.ShouldBe("*表格说明*\n\n| 名\\|称 | 数值 |\n| --- | --- |\n| **粗** | [链接](https://example.com/?a\\|b) |\n| 短行 |  |\n");
        var document = MarkdigText.Parse(markdown);
        var parsed = document.OfType<Markdig.Extensions.Tables.Table>().Single();
        parsed.Count.ShouldBe(3);
        MarkdigText.Links(document).Single().Url.ShouldBe("https://example.com/?a|b");
        MarkdigText.RawHtml(document).ShouldBeEmpty();
    }

    [Fact]
    public void TablesWithoutHeaderUseTheFirstRow()
    {
        var table = new TableBlock([new TableRow([new TableCell([T("a")])], false), new TableRow([new TableCell([T("b")])], false)]);
        Body(table).ShouldBe("| a |\n| --- |\n| b |\n");
    }

    [Fact]
    public void SpannedTablesAreTheOnlyHtml()
    {
        var table = new TableBlock(
        [
            new TableRow([new TableCell([T("合并<表头>")], ColumnSpan: 2)], true),
            new TableRow([new TableCell([T("a & b")], RowSpan: 2), new TableCell([B("x"), LineBreakInline.Instance, L("https://e.com/?a=1&b=\"2\"", "y")])], false),
            new TableRow([new TableCell([T("z")])], false),
        ]);
        var markdown = Body(table);
        markdown.ShouldBe("<table>\n<tr><th colspan=\"2\">合并&lt;表头&gt;</th></tr>\n<tr><td rowspan=\"2\">a &amp; b</td><td><strong>x</strong><br><a href=\"https://e.com/?a=1&amp;b=&quot;2&quot;\">y</a></td></tr>\n<tr><td>z</td></tr>\n</table>\n");
        var document = MarkdigText.Parse(markdown);
        document.Count.ShouldBe(1);
        document[0].ShouldBeOfType<Markdig.Syntax.HtmlBlock>();
    }

    [Fact]
    public void EmbedsAreLabelledLinks()
    {
        Body(new EmbedBlock(EmbedKind.Video, "https://example.com/v", "发布会")).ShouldBe("[视频：发布会](https://example.com/v)\n");
        Body(new EmbedBlock(EmbedKind.Frame, "https://example.com/f", "")).ShouldBe("[嵌入内容](https://example.com/f)\n");
        var english = Write(Create([new EmbedBlock(EmbedKind.Audio, "https://example.com/a", "Clip [1]")], language: "en"),
            new MarkdownWriterOptions(FrontMatter: false, TitleHeading: false));
        english.ShouldBe("[Audio: Clip \\[1\\]](https://example.com/a)\n");
        var traditional = Write(Create([new EmbedBlock(EmbedKind.Post, "https://example.com/p", "")], language: "zh-Hant"),
            new MarkdownWriterOptions(FrontMatter: false, TitleHeading: false));
        traditional.ShouldBe("[貼文](https://example.com/p)\n");
    }

    [Fact]
    public void RulesCannotBeTakenForFrontMatterOrSetextUnderlines()
    {
        var markdown = Body(P("上"), new RuleBlock(), P("下"));
        markdown.ShouldBe("上\n\n***\n\n下\n");
        var document = MarkdigText.Parse(markdown);
        document.OfType<Markdig.Syntax.ThematicBreakBlock>().Count().ShouldBe(1);
        document.OfType<Markdig.Syntax.HeadingBlock>().ShouldBeEmpty();
    }

    [Fact]
    public void TitleHeadingIsWrittenWhenFrontMatterIsOff()
    {
        var article = Create([P("正文")], title: "# 标题 *强调*");
        Write(article, new MarkdownWriterOptions(FrontMatter: false)).ShouldBe("# \\# 标题 \\*强调\\*\n\n正文\n");
        Write(article).ShouldNotContain("\n# ");
        Write(article, new MarkdownWriterOptions(TitleHeading: true)).ShouldContain("---\n\n# \\# 标题");
    }

    [Fact]
    public void RelatedLinksAreListedAtTheEnd()
    {
        var article = Create([P("正文")], related: [new RelatedLink("https://example.com/1", "相关 [1]"), new RelatedLink("https://example.com/2", null)]);
        Write(article, new MarkdownWriterOptions(FrontMatter: false, TitleHeading: false))
            .ShouldBe("正文\n\n相关链接：\n\n- [相关 \\[1\\]](https://example.com/1)\n- [https://example.com/2](https://example.com/2)\n");
        Write(article, new MarkdownWriterOptions(FrontMatter: false, TitleHeading: false, RelatedLinks: false)).ShouldBe("正文\n");
    }

    [Fact]
    public void SameArticleGivesSameBytesFromManyThreads()
    {
        var article = Create([P(T("前"), B("“粗”"), T("后")), new ListBlock(false, [new ListItem([P("项")])]), new FigureBlock("https://e.com/i.jpg", "", "说明", "")],
            authors: ["作者"]);
        var writer = new MarkdownArticleWriter();
        var expected = writer.WriteToString(article);
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = writer.WriteToString(article));
        results.ShouldAllBe(r => r == expected);
    }

    [Fact]
    public void ManyEmphasisRunsAndDeepNestingAreWritten()
    {
        var inlines = new List<Inline>();
        for (var i = 0; i < 5000; i++)
        {
            inlines.Add(T("字"));
            inlines.Add(B("“粗”"));
        }
        var document = MarkdigText.Parse(Body(new ParagraphBlock([.. inlines])));
        MarkdigText.All<Markdig.Syntax.Inlines.EmphasisInline>(document).Count().ShouldBe(5000);

        Block nested = P("最深处");
        for (var i = 0; i < 60; i++)
        {
            nested = i % 2 == 0 ? new QuoteBlock([nested]) : new ListBlock(false, [new ListItem([nested])]);
        }
        var deep = MarkdigText.Parse(Body(nested));
        MarkdigText.All<Markdig.Syntax.QuoteBlock>(deep).Count().ShouldBe(30);
        MarkdigText.All<Markdig.Syntax.ListBlock>(deep).Count().ShouldBe(30);
        MarkdigText.PlainText(deep).ShouldBe("最深处\n");
    }

    [Fact]
    public void NestingDeeperThanMarkdigAcceptsIsFlattenedAndKeepsItsText()
    {
        // 200 levels (the reader's limit) of quotes and lists: Markdig throws past 128 nested blocks.
        Block nested = P("最深处");
        for (var i = 0; i < 200; i++)
        {
            nested = i % 2 == 0 ? new QuoteBlock([nested]) : new ListBlock(false, [new ListItem([nested])]);
        }
        var deep = MarkdigText.Parse(Body(nested));
        var containers = MarkdigText.All<Markdig.Syntax.QuoteBlock>(deep).Count() + MarkdigText.All<Markdig.Syntax.ListBlock>(deep).Count();
        containers.ShouldBe(60);
        MarkdigText.PlainText(deep).ShouldBe("最深处\n");

        Block lists = P(B("粗"), T("体"));
        for (var i = 0; i < 200; i++)
        {
            lists = new ListBlock(i % 3 == 0, [new ListItem([lists])]);
        }
        var deepLists = MarkdigText.Parse(Body(lists));
        MarkdigText.All<Markdig.Syntax.ListBlock>(deepLists).Count().ShouldBe(60);
        MarkdigText.PlainText(deepLists).ShouldBe("粗体\n");
    }

    [Fact]
    public void OddModelValuesDoNotThrow()
    {
        var metadata = new ArticleMetadata(null!, null, null!, null!, null!, null!, default, default, null!, null!, null);
        ImmutableArray<Block> body =
        [
            null!,
            new ParagraphBlock(default),
            new ParagraphBlock([null!, new TextInline(null!), new LinkInline(null!, default), new StrongInline(default)]),
            new HeadingBlock(0, default),
            new FigureBlock(null!, null!, null!, null!),
            new ListBlock(true, [null!, new ListItem(default)], Start: -5),
            new ListBlock(false, default),
            new QuoteBlock(default),
            new TableBlock([null!, new TableRow(default, true), new TableRow([null!, new TableCell(default, 2)], false)], null!),
            new TableBlock(default),
            new EmbedBlock(EmbedKind.Post, null!, null!),
        ];
        var article = new Article(metadata, body, default, null!, default);
        foreach (var options in new[] { new MarkdownWriterOptions(), new MarkdownWriterOptions(FrontMatter: false) })
        {
            var markdown = new MarkdownArticleWriter(options).WriteToString(article);
            markdown.ShouldEndWith("\n");
            MarkdigText.Parse(markdown).ShouldNotBeNull();
        }
        new MarkdownArticleWriter().WriteToString(article with { Body = default }).ShouldStartWith("---\n");
    }

    [Fact]
    public void WriterRegistersAsMd()
    {
        var converter = new ConverterBuilder().AddMarkdown().Build();
        var writer = converter.Registry.GetWriter("md");
        writer.ShouldBeOfType<MarkdownArticleWriter>();
        writer.Format.Extension.ShouldBe(".md");
        converter.Registry.GetWriter(".md").ShouldBeSameAs(writer);
    }
}
