using System.Xml.Linq;
using Convertify.Conversion;
using Convertify.Model;
using Convertify.Word.Tests.Support;
using static Convertify.Word.Tests.Support.TestArticles;

namespace Convertify.Word.Tests;

public sealed class WordArticleWriterTests
{
    private static readonly XNamespace W = Docx.W;

    [Fact]
    public void Registers_as_docx_writer()
    {
        var converter = new ConverterBuilder().AddWord().Build();
        var writer = converter.Registry.GetWriter("docx");
        writer.ShouldBeOfType<WordArticleWriter>();
        writer.Format.Extension.ShouldBe(".docx");
        converter.Registry.FindWriter(".docx").ShouldBeSameAs(writer);
    }

    [Theory]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hant")]
    [InlineData("en")]
    public void Rich_article_passes_the_open_xml_validator(string language)
    {
        var errors = Docx.ValidationErrors(Docx.Write(Rich(language)));
        errors.ShouldBeEmpty(string.Join("\n", errors));
    }

    [Fact]
    public void Style_sheet_holds_the_article_styles_all_based_on_normal()
    {
        var styles = Docx.Part(Docx.Write(Rich()), "word/styles.xml").Root!.Elements(W + "style")
            .ToDictionary(s => (string)s.Attribute(W + "styleId")!);
        string[] expected = ["Normal", "BodyText", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Caption", "Quote", "ListParagraph", "Hyperlink", "ArticleTable"];
        foreach (var id in expected)
        {
            styles.ShouldContainKey(id);
        }
        ((string)styles["Hyperlink"].Attribute(W + "type")!).ShouldBe("character");
        ((string)styles["ArticleTable"].Attribute(W + "type")!).ShouldBe("table");
        styles["ArticleTable"].Descendants(W + "tblStylePr").Single().Attribute(W + "type")!.Value.ShouldBe("firstRow");
        foreach (var style in styles.Values.Where(s => (string?)s.Attribute(W + "type") == "paragraph" && (string?)s.Attribute(W + "styleId") != "Normal"))
        {
            // every paragraph style reaches Normal through basedOn, so changing Normal restyles the article
            var current = style;
            var hops = 0;
            while ((string?)current.Element(W + "basedOn")?.Attribute(W + "val") is { } parent && parent != "Normal" && hops++ < 10)
            {
                current = styles[parent];
            }
            ((string?)current.Element(W + "basedOn")?.Attribute(W + "val")).ShouldBe("Normal", $"style {style.Attribute(W + "styleId")}");
        }
        // heading names are Word's built-in names, so the navigation pane and outline use them
        ((string)styles["Heading1"].Element(W + "name")!.Attribute(W + "val")!).ShouldBe("heading 1");
    }

    [Fact]
    public void Body_blocks_map_to_styled_paragraphs_in_order()
    {
        var paragraphs = Docx.Paragraphs(Docx.Write(Rich()));
        paragraphs[0].ShouldBe(("Title", "测试标题：城市里的新图书馆"));
        paragraphs[1].ShouldBe(("Subtitle", "美国之音 · 2022年12月29日 15:59 (UTC+00:00) · 李明"));
        paragraphs.ShouldContain(("BodyText", "新馆周一开放，市长出席了仪式。读者排起长队。"));
        // h2 is the body's top heading level, so it becomes Heading 1; h3 becomes Heading 2
        paragraphs.ShouldContain(("Heading1", "开放时间"));
        paragraphs.ShouldContain(("Heading2", "藏书"));
        paragraphs.ShouldContain(("Quote", "这是城市的客厅。"));
        paragraphs.ShouldContain(("ListParagraph", "一楼：儿童阅览室"));
        paragraphs.ShouldContain(("Caption", "新馆大厅。\n图片来源：示例社"));
        paragraphs.ShouldContain(("Caption", "馆藏统计"));
        paragraphs.ShouldContain(("BodyText", "第一行\n第二行"));
        paragraphs.ShouldContain(("BodyText", "[视频] 开馆视频"));
        paragraphs.ShouldContain(("Figure", "[图片：大厅]"));
        var order = paragraphs.Select(p => p.Text).ToList();
        order.IndexOf("开放时间").ShouldBeLessThan(order.IndexOf("这是城市的客厅。"));
        order.IndexOf("这是城市的客厅。").ShouldBeLessThan(order.IndexOf("周末开放"));
    }

    [Fact]
    public void Strong_and_emphasis_become_bold_and_italic_runs()
    {
        var document = Docx.Part(Docx.Write(Rich()), "word/document.xml");
        var runs = document.Descendants(W + "r").ToList();
        var bold = runs.Single(r => Docx.TextOf(r) == "市长");
        bold.Element(W + "rPr")!.Element(W + "b").ShouldNotBeNull();
        var italic = runs.Single(r => Docx.TextOf(r) == "读者");
        italic.Element(W + "rPr")!.Element(W + "i").ShouldNotBeNull();
        runs.Single(r => Docx.TextOf(r) == "新馆周一开放，").Element(W + "rPr").ShouldBeNull();
    }

    [Fact]
    public void Lists_use_real_numbering_with_nested_levels_and_start_numbers()
    {
        var docx = Docx.Write(Rich());
        var document = Docx.Part(docx, "word/document.xml");
        (string NumId, string Level) NumberingOf(string text)
        {
            var numPr = document.Descendants(W + "p").Single(p => Docx.TextOf(p) == text).Descendants(W + "numPr").Single();
            return ((string)numPr.Element(W + "numId")!.Attribute(W + "val")!, (string)numPr.Element(W + "ilvl")!.Attribute(W + "val")!);
        }
        var bullet = NumberingOf("一楼：儿童阅览室");
        bullet.ShouldBe(("1", "0"));
        NumberingOf("二楼：报刊区").ShouldBe(bullet);
        var nested = NumberingOf("周末开放");
        nested.Level.ShouldBe("1");
        NumberingOf("需要预约").ShouldBe(nested);

        var numbering = Docx.Part(docx, "word/numbering.xml").Root!;
        var abstracts = numbering.Elements(W + "abstractNum").ToDictionary(a => (string)a.Attribute(W + "abstractNumId")!);
        var nums = numbering.Elements(W + "num").ToDictionary(n => (string)n.Attribute(W + "numId")!);
        var bulletAbstract = abstracts[(string)nums["1"].Element(W + "abstractNumId")!.Attribute(W + "val")!];
        bulletAbstract.Elements(W + "lvl").Count().ShouldBe(9);
        bulletAbstract.Elements(W + "lvl").First().Element(W + "numFmt")!.Attribute(W + "val")!.Value.ShouldBe("bullet");
        var ordered = nums[nested.NumId];
        abstracts[(string)ordered.Element(W + "abstractNumId")!.Attribute(W + "val")!].Elements(W + "lvl").First()
            .Element(W + "numFmt")!.Attribute(W + "val")!.Value.ShouldBe("decimal");
        var start = ordered.Element(W + "lvlOverride")!;
        ((string)start.Attribute(W + "ilvl")!).ShouldBe("1");
        ((string)start.Element(W + "startOverride")!.Attribute(W + "val")!).ShouldBe("3");
    }

    [Fact]
    public void Each_ordered_list_restarts_with_its_own_numbering_instance()
    {
        var docx = Docx.Write(Create(
        [
            new ListBlock(true, [new ListItem([Paragraph("甲")])]),
            Paragraph("中间"),
            new ListBlock(true, [new ListItem([Paragraph("乙")])]),
        ]));
        var document = Docx.Part(docx, "word/document.xml");
        string NumId(string text) => (string)document.Descendants(W + "p").Single(p => Docx.TextOf(p) == text).Descendants(W + "numId").Single().Attribute(W + "val")!;
        NumId("甲").ShouldNotBe(NumId("乙"));
    }

    [Fact]
    public void Hyperlinks_are_external_relationships()
    {
        var docx = Docx.Write(Rich());
        var relationships = Docx.Relationships(docx);
        var links = Docx.Part(docx, "word/document.xml").Descendants(W + "hyperlink").ToList();
        var official = links.Single(l => Docx.TextOf(l) == "官方网站");
        var relationship = relationships[(string)official.Attribute(Docx.R + "id")!];
        ((string)relationship.Attribute("Target")!).ShouldBe("https://example.com/library/hours");
        ((string)relationship.Attribute("TargetMode")!).ShouldBe("External");
        ((string)relationship.Attribute("Type")!).ShouldEndWith("/hyperlink");
        ((string?)official.Attribute(W + "tooltip")).ShouldBe("开放时间");
        official.Descendants(W + "rStyle").Single().Attribute(W + "val")!.Value.ShouldBe("Hyperlink");
        // the original URL in the metadata block, the image placeholder and the embed are links too
        var targets = links.Select(l => (string)relationships[(string)l.Attribute(Docx.R + "id")!].Attribute("Target")!).ToList();
        targets.ShouldContain("https://example.com/news/2022/12/29/library.html");
        targets.ShouldContain("https://img.example.com/photos/library-hall.jpg");
        targets.ShouldContain("https://video.example.com/v/123");
    }

    [Fact]
    public void Link_targets_are_escaped_uris_and_unusable_links_stay_text()
    {
        var docx = Docx.Write(Create(
        [
            Paragraph(new LinkInline("https://example.com/搜索?q=a b", [T("搜索")]), new LinkInline("javascript:alert(1)", [T("脚本")])),
        ]));
        var relationships = Docx.Relationships(docx);
        relationships.Values.Select(r => (string)r.Attribute("Target")!).ShouldContain("https://example.com/%E6%90%9C%E7%B4%A2?q=a%20b");
        relationships.Values.ShouldNotContain(r => ((string)r.Attribute("Target")!).StartsWith("javascript", StringComparison.Ordinal));
        Docx.Paragraphs(docx).ShouldContain(("BodyText", "搜索脚本"));
        Docx.ValidationErrors(docx).ShouldBeEmpty();
    }

    [Fact]
    public void Metadata_block_holds_source_date_author_link_and_id()
    {
        var docx = Docx.Write(Rich());
        var metadata = Docx.Paragraphs(docx).Where(p => p.Style == "ArticleMetadata").Select(p => p.Text).ToList();
        metadata.ShouldBe(["原文链接：https://example.com/news/2022/12/29/library.html", "存档编号：voa/1000001"]);

        var english = Docx.Paragraphs(Docx.Write(Create([Paragraph("Body.")], "en", "A Library Opens", authors: ["Ann Lee", "Bo Chen"],
            published: new DateTimeOffset(2022, 12, 29, 15, 59, 0, TimeSpan.FromHours(-5)))));
        english[1].ShouldBe(("Subtitle", "Example News · 29 December 2022 15:59 UTC-05:00 · Ann Lee, Bo Chen"));
        english.ShouldContain(("ArticleMetadata", "Archive id: voa/1000001"));
    }

    [Fact]
    public void Date_only_publication_shows_no_clock()
    {
        var paragraphs = Docx.Paragraphs(Docx.Write(Create([Paragraph("正文。")], authors: [], precision: DatePrecision.Day)));
        paragraphs[1].ShouldBe(("Subtitle", "美国之音 · 2022年12月29日"));
    }

    [Fact]
    public void Tables_have_a_style_a_repeated_header_row_and_spans()
    {
        var docx = Docx.Write(Create(
        [
            new TableBlock(
            [
                new TableRow([new TableCell([T("地区")]), new TableCell([T("人口")], ColumnSpan: 2)], true),
                new TableRow([new TableCell([T("北区")], RowSpan: 2), new TableCell([T("1")]), new TableCell([T("2")])], false),
                new TableRow([new TableCell([T("3")])], false),
            ]),
            new TableBlock([new TableRow([new TableCell([T("单独")])], false)]),
        ]));
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        var tables = Docx.Part(docx, "word/document.xml").Descendants(W + "tbl").ToList();
        tables.Count.ShouldBe(2);
        var table = tables[0];
        table.Element(W + "tblPr")!.Element(W + "tblStyle")!.Attribute(W + "val")!.Value.ShouldBe("ArticleTable");
        table.Element(W + "tblGrid")!.Elements(W + "gridCol").Count().ShouldBe(3);
        var rows = table.Elements(W + "tr").ToList();
        rows[0].Element(W + "trPr")!.Element(W + "tblHeader").ShouldNotBeNull();
        rows[1].Element(W + "trPr").ShouldBeNull();
        rows[0].Elements(W + "tc").Last().Descendants(W + "gridSpan").Single().Attribute(W + "val")!.Value.ShouldBe("2");
        rows[1].Elements(W + "tc").First().Descendants(W + "vMerge").Single().Attribute(W + "val")!.Value.ShouldBe("restart");
        var continued = rows[2].Elements(W + "tc").ToList();
        continued.Count.ShouldBe(3);
        continued[0].Descendants(W + "vMerge").Single().Attribute(W + "val").ShouldBeNull();
        Docx.TextOf(continued[1]).ShouldBe("3");
        // adjacent tables are kept apart by a paragraph
        tables[0].ElementsAfterSelf().First().Name.ShouldBe(W + "p");
    }

    [Fact]
    public void Core_and_custom_properties_describe_the_article()
    {
        var docx = Docx.Write(Rich());
        var core = Docx.Part(docx, "docProps/core.xml").Root!;
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        core.Element(dc + "title")!.Value.ShouldBe("测试标题：城市里的新图书馆");
        core.Element(dc + "creator")!.Value.ShouldBe("美国之音");
        core.Element(dc + "language")!.Value.ShouldBe("zh-Hans");
        core.Element(dc + "description")!.Value.ShouldBe("新馆周一开放，市长出席了仪式。读者排起长队。");
        core.Element(cp + "keywords")!.Value.ShouldBe("美国之音");
        core.Element(dcterms + "created")!.Value.ShouldBe("2022-12-29T15:59:00Z");

        XNamespace custom = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
        var properties = Docx.Part(docx, "docProps/custom.xml").Root!.Elements(custom + "property")
            .ToDictionary(p => (string)p.Attribute("name")!, p => p.Elements().Single().Value);
        properties["original_url"].ShouldBe("https://example.com/news/2022/12/29/library.html");
        properties["site"].ShouldBe("voa");
        properties["id"].ShouldBe("voa/1000001");
        properties["feed_time"].ShouldBe("2022-12-29T16:05:08+00:00");

        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        document.PackageProperties.Title.ShouldBe("测试标题：城市里的新图书馆");
        document.PackageProperties.Created.ShouldBe(new DateTime(2022, 12, 29, 15, 59, 0, DateTimeKind.Utc));
        document.CustomFilePropertiesPart.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("zh-Hans", "en-US", "zh-CN", "Noto Serif CJK SC")]
    [InlineData("zh-Hant", "en-US", "zh-TW", "Noto Serif CJK TC")]
    [InlineData("en", "en-US", "zh-CN", "Noto Serif CJK SC")]
    [InlineData("de", "de-DE", "zh-CN", "Noto Serif CJK SC")]
    public void Languages_and_east_asian_fonts_follow_the_article_language(string language, string val, string eastAsia, string font)
    {
        var defaults = Docx.Part(Docx.Write(Create([Paragraph("文字 text")], language)), "word/styles.xml").Root!
            .Element(W + "docDefaults")!.Element(W + "rPrDefault")!.Element(W + "rPr")!;
        var lang = defaults.Element(W + "lang")!;
        ((string)lang.Attribute(W + "val")!).ShouldBe(val);
        ((string)lang.Attribute(W + "eastAsia")!).ShouldBe(eastAsia);
        ((string)defaults.Element(W + "rFonts")!.Attribute(W + "eastAsia")!).ShouldBe(font);
        ((string?)defaults.Element(W + "rFonts")!.Attribute(W + "hint")).ShouldBe(language.StartsWith("zh", StringComparison.Ordinal) ? "eastAsia" : null);
    }

    [Fact]
    public void Cjk_runs_with_shared_punctuation_get_the_east_asian_hint_and_no_spaces_are_added()
    {
        var docx = Docx.Write(Create([Paragraph(T("他说“你好”"), new StrongInline([T("再见")]), T("。"))]));
        var paragraph = Docx.Part(docx, "word/document.xml").Descendants(W + "p").Single(p => Docx.TextOf(p).StartsWith("他说", StringComparison.Ordinal));
        Docx.TextOf(paragraph).ShouldBe("他说“你好”再见。");
        var runs = paragraph.Elements(W + "r").ToList();
        ((string?)runs[0].Element(W + "rPr")?.Element(W + "rFonts")?.Attribute(W + "hint")).ShouldBe("eastAsia");
        runs[2].Element(W + "rPr").ShouldBeNull();
        paragraph.Descendants(W + "t").ShouldAllBe(t => t.Attribute(XNamespace.Xml + "space") == null);
    }

    [Fact]
    public void East_asian_font_can_be_chosen()
    {
        var styles = Docx.PartText(Docx.Write(Rich(), new WordWriterOptions { EastAsianFont = "SimSun & Co" }), "word/styles.xml");
        styles.ShouldContain("w:eastAsia=\"SimSun &amp; Co\"");
    }

    [Fact]
    public void Characters_xml_forbids_are_removed()
    {
        var article = Unassembled(Create([], authors: ["作者\u0019"]),
        [
            Paragraph("控制\u0001字符\u0008与\uD800孤立代理\uFFFE。"),
            new FigureBlock("https://img.example.com/a\u0002.jpg", "替代\u0003", "说明\u000B", "来源\uDC00"),
            new TableBlock([new TableRow([new TableCell([T("格\u001F")])], true)], "表\u0007"),
        ], "标题\u0000含控制符");
        var docx = Docx.Write(article);
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        var text = Docx.BodyText(docx);
        text.ShouldContain("控制字符与孤立代理。");
        text.ShouldContain("标题含控制符");
        text.ShouldContain("说明\n来源");
        text.ShouldContain("格");
        Docx.Part(docx, "docProps/core.xml").Root!.Elements().First().Value.ShouldBe("标题含控制符");
    }

    [Fact]
    public void Same_article_gives_identical_bytes_and_fixed_entry_times()
    {
        var article = Rich();
        var first = Docx.Write(article);
        var second = Docx.Write(article);
        second.ShouldBe(first);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(first));
        zip.Entries.ShouldAllBe(e => e.LastWriteTime.Year == 1980);
        zip.Entries[0].FullName.ShouldBe("[Content_Types].xml");
    }

    [Fact]
    public void Concurrent_writes_give_the_same_bytes()
    {
        var articles = new[] { Rich("zh-Hans"), Rich("en"), Rich("zh-Hant") };
        var expected = articles.Select(a => Docx.Write(a)).ToArray();
        using var writer = new WordArticleWriter();
        var results = new byte[24][];
        Parallel.For(0, results.Length, i =>
        {
            using var stream = new MemoryStream();
            writer.Write(articles[i % 3], stream);
            results[i] = stream.ToArray();
        });
        for (var i = 0; i < results.Length; i++)
        {
            results[i].ShouldBe(expected[i % 3]);
        }
    }

    [Fact]
    public void Related_links_follow_the_body_as_a_linked_list()
    {
        var docx = Docx.Write(Create([Paragraph("正文。")], related: [new RelatedLink("https://example.com/more", "更多报道"), new RelatedLink("https://example.com/x", null)]));
        var paragraphs = Docx.Paragraphs(docx);
        paragraphs.ShouldContain(("Heading2", "相关链接"));
        paragraphs.ShouldContain(("ListParagraph", "更多报道"));
        paragraphs.ShouldContain(("ListParagraph", "https://example.com/x"));
    }

    [Fact]
    public void Writes_to_a_forward_only_stream_and_leaves_it_open()
    {
        using var target = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(target);
        using var writer = new WordArticleWriter();
        writer.Write(Rich(), forwardOnly);
        forwardOnly.Disposed.ShouldBeFalse();
        var docx = target.ToArray();
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        Docx.Paragraphs(docx)[0].Style.ShouldBe("Title");
    }

    [Fact]
    public void Degenerate_structures_still_give_valid_documents()
    {
        var deep = (Block)Paragraph("最深处");
        for (var i = 0; i < 12; i++)
        {
            deep = i % 2 == 0 ? new ListBlock(i % 4 == 0, [new ListItem([deep])], -5) : new QuoteBlock([deep]);
        }
        var article = Create(
        [
            new HeadingBlock(0, [T("零级")]),
            new HeadingBlock(99, [T("九十九级")]),
            new HeadingBlock(2, []),
            new ParagraphBlock([]),
            new ListBlock(true, []),
            new ListBlock(false, [new ListItem([]), new ListItem([new FigureBlock("", "", "", "")]), new ListItem([new HeadingBlock(1, [T("项中标题")])])]),
            new TableBlock([]),
            new TableBlock([new TableRow([], true), new TableRow([new TableCell([], ColumnSpan: 500, RowSpan: -3)], false)]),
            new TableBlock([new TableRow([new TableCell([T("a")], RowSpan: 40), new TableCell([T("b")])], false), new TableRow([new TableCell([T("c")], ColumnSpan: 0)], false)]),
            new FigureBlock("not a url", "", "", ""),
            new EmbedBlock(EmbedKind.Post, "", ""),
            Paragraph(new LinkInline("https://example.com/outer", [T("外"), new LinkInline("https://example.com/inner", [T("内")])]), new StrongInline([new EmphasisInline([LineBreakInline.Instance])])),
            Paragraph(T("\t制表\n换行\r回车  两个空格 ")),
            deep,
        ]);
        var docx = Docx.Write(article);
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        var paragraphs = Docx.Paragraphs(docx);
        paragraphs.ShouldContain(("Heading1", "零级"));
        paragraphs.ShouldContain(("Heading3", "九十九级"));
        paragraphs.ShouldContain(("ListParagraph", "项中标题"));
        paragraphs.ShouldContain(("BodyText", "外内\n"));
        paragraphs.ShouldContain(("BodyText", "\t制表\n换行回车  两个空格 "));
        paragraphs.ShouldContain(p => p.Text == "最深处");
        // a link inside a link keeps its text in the outer link
        Docx.Relationships(docx).Values.ShouldNotContain(r => (string)r.Attribute("Target")! == "https://example.com/inner");
    }

    [Fact]
    public void Pages_are_numbered_in_a_footer()
    {
        var docx = Docx.Write(Rich());
        Docx.PartText(docx, "word/footer1.xml").ShouldContain("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>");
        var reference = Docx.Part(docx, "word/document.xml").Descendants(W + "sectPr").Single().Element(W + "footerReference")!;
        ((string)Docx.Relationships(docx)[(string)reference.Attribute(Docx.R + "id")!].Attribute("Target")!).ShouldBe("footer1.xml");
    }

    [Fact]
    public void Empty_article_is_still_a_valid_document()
    {
        var docx = Docx.Write(Create([], url: "", title: ""));
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        Docx.EntryNames(docx).ShouldContain("word/document.xml");
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public bool Disposed { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
