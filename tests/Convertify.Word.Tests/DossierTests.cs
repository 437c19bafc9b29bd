using System.Xml.Linq;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Word.Tests.Support;
using static Convertify.Word.Tests.Support.TestArticles;

namespace Convertify.Word.Tests;

public sealed class DossierTests
{
    private static readonly XNamespace W = Docx.W;

    [Fact]
    public void The_builder_registers_the_dossier_writer()
    {
        var converter = new ConverterBuilder().AddWordDossier().Build();
        var writer = converter.Registry.FindDossierWriter("dossier");
        writer.ShouldBeOfType<WordDossierWriter>();
        writer!.Format.Extension.ShouldBe(".docx");
    }

    [Fact]
    public void A_dossier_of_the_whole_corpus_is_valid_has_one_heading_1_per_distinct_article_and_the_same_bytes_twice()
    {
        var articles = DossierDocuments.Corpus();
        var docx = DossierDocuments.Write(articles);
        Docx.ValidationErrors(docx).ShouldBeEmpty();
        DossierDocuments.Write(articles).ShouldBe(docx);

        var expected = DossierDocuments.Distinct(articles)
            .OrderBy(a => a.Metadata.Published.Value.UtcDateTime).ThenBy(a => a.Metadata.Id, StringComparer.Ordinal)
            .Select(a => CorpusDocuments.Squeeze(Convertify.Text.XmlSafeText.Clean(a.Metadata.Title))).ToList();
        var headings = Docx.Paragraphs(docx).Where(p => p.Style == "Heading1").Select(p => CorpusDocuments.Squeeze(p.Text)).ToList();
        headings.ShouldBe(expected);
    }

    [Fact]
    public void Each_article_starts_a_page_with_a_bookmarked_heading_a_metadata_line_and_its_body()
    {
        var docx = DossierDocuments.Write([Rich()], new DossierOptions("Libraries"));
        var body = Docx.Part(docx, "word/document.xml").Root!.Element(W + "body")!;
        var heading = body.Elements(W + "p").Single(p => Style(p) == "Heading1");
        heading.Element(W + "pPr")!.Element(W + "pageBreakBefore").ShouldNotBeNull();
        heading.Element(W + "bookmarkStart")!.Attribute(W + "name")!.Value.ShouldStartWith("_Toc");
        var metadata = (XElement)heading.NextNode!;
        Style(metadata).ShouldBe("ArticleMetadata");
        var line = Docx.TextOf(metadata);
        line.ShouldContain("美国之音 · 2022年12月29日 15:59 (UTC+00:00) · 李明 · ");
        line.ShouldEndWith("存档编号：voa/1000001");
        metadata.Element(W + "hyperlink").ShouldNotBeNull();
        // The article's own h2 and h3 are a level below its title; the body keeps the single article's styles.
        var styles = body.Elements(W + "p").Select(Style).ToList();
        styles.ShouldContain("Heading2");
        styles.ShouldContain("Heading3");
        styles.ShouldContain("Quote");
        styles.ShouldContain("ListParagraph");
        styles.ShouldContain("Caption");
        body.Elements(W + "tbl").Count().ShouldBe(1);
        Docx.ValidationErrors(docx).ShouldBeEmpty();
    }

    [Fact]
    public void Every_run_of_an_article_states_its_language_and_east_asian_font()
    {
        var english = Create([Paragraph("The new library opened on Monday.")], "en", "A new library",
            url: "https://example.com/en/library.html");
        var traditional = Create([Paragraph("新館週一開放。")], "zh-Hant", "新館開放", url: "https://example.com/tw/library.html");
        var document = Docx.Part(DossierDocuments.Write([english, traditional], new DossierOptions(Order: DossierOrder.Input)), "word/document.xml");
        var paragraphs = document.Descendants(W + "p").ToList();
        var englishBody = paragraphs.Single(p => Docx.TextOf(p) == "The new library opened on Monday.");
        englishBody.Descendants(W + "lang").Single().Attribute(W + "val")!.Value.ShouldBe("en-US");
        var chineseBody = paragraphs.Single(p => Docx.TextOf(p) == "新館週一開放。");
        chineseBody.Descendants(W + "lang").Single().Attribute(W + "eastAsia")!.Value.ShouldBe("zh-TW");
        chineseBody.Descendants(W + "rFonts").Single().Attribute(W + "eastAsia")!.Value.ShouldBe("Noto Serif CJK TC");
        var chineseTitle = paragraphs.Single(p => Docx.TextOf(p) == "新館開放");
        chineseTitle.Descendants(W + "rFonts").Single().Attribute(W + "eastAsia")!.Value.ShouldBe("Noto Sans CJK TC");
    }

    [Fact]
    public void Duplicates_appear_once_and_the_notes_say_what_was_left_out_and_why()
    {
        var first = Create([Paragraph("图书馆周一开放。")], title: "第一篇", url: "https://example.com/a.html");
        var sameUrl = Create([Paragraph("另一段完全不同的文字。")], title: "同一网址", url: "https://example.com/a.html")
            with { Metadata = first.Metadata with { Id = "voa/1000002", Title = "同一网址" } };
        var sameText = Create([Paragraph("图书馆周一开放。")], title: "同样内容", url: "https://example.com/b.html");
        sameText = sameText with { Metadata = sameText.Metadata with { Id = "voa/1000003" } };
        var docx = DossierDocuments.Write([first, sameUrl, sameText], failures: [("articles/voa/broken.md", "line 1 is not a timestamp")]);
        var paragraphs = Docx.Paragraphs(docx);
        paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text).ShouldBe(["第一篇"]);
        var notes = paragraphs.SkipWhile(p => p.Text != "Notes").Select(p => p.Text).ToList();
        notes.ShouldContain("voa/1000002 “同一网址”: the same original URL as voa/1000001");
        notes.ShouldContain("voa/1000003 “同样内容”: the same text as voa/1000001");
        notes.ShouldContain("articles/voa/broken.md: line 1 is not a timestamp");
        Docx.ValidationErrors(docx).ShouldBeEmpty();
    }

    [Fact]
    public void The_notes_list_each_articles_warnings()
    {
        var article = Rich() with { Warnings = [new ConversionWarning("html.malformed", "an unclosed tag was closed")] };
        var notes = Docx.Paragraphs(DossierDocuments.Write([article])).SkipWhile(p => p.Text != "Notes").Select(p => p.Text).ToList();
        notes.ShouldContain("voa/1000001 “测试标题：城市里的新图书馆”");
        notes.ShouldContain("html.malformed: an unclosed tag was closed");
    }

    [Fact]
    public void The_cover_states_the_default_title_count_sites_and_dates_and_the_header_and_footer_carry_title_and_page_x_of_y()
    {
        var early = Create([Paragraph("第一段。")], title: "早", url: "https://example.com/1.html", published: new DateTimeOffset(2022, 3, 1, 8, 0, 0, TimeSpan.FromHours(8)));
        var late = Create([Paragraph("第二段。")], title: "晚", url: "https://example.com/2.html", published: new DateTimeOffset(2022, 12, 29, 15, 59, 0, TimeSpan.Zero));
        var docx = DossierDocuments.Write([late, early]);
        var paragraphs = Docx.Paragraphs(docx);
        paragraphs[0].ShouldBe(("Title", "Dossier: 美国之音, 2022-03-01 – 2022-12-29"));
        paragraphs[1].Text.ShouldBe("2 articles");
        paragraphs[2].Text.ShouldBe("Sites: 美国之音");
        paragraphs[3].Text.ShouldBe("Dates: 2022-03-01 – 2022-12-29");
        Docx.PartText(docx, "word/header1.xml").ShouldContain("Dossier: 美国之音, 2022-03-01 – 2022-12-29");
        var footer = Docx.PartText(docx, "word/footer1.xml");
        footer.ShouldContain(" PAGE ");
        footer.ShouldContain(" NUMPAGES ");
        Docx.Part(docx, "docProps/core.xml").Descendants().Single(e => e.Name.LocalName == "created").Value.ShouldBe("2022-12-29T15:59:00Z");
        Docx.PartText(docx, "word/settings.xml").ShouldContain("<w:updateFields w:val=\"true\"/>");
        var section = Docx.Part(docx, "word/document.xml").Descendants().Last(e => e.Name.LocalName == "sectPr");
        section.Elements().Last().Name.LocalName.ShouldBe("titlePg");
        section.Elements().Where(e => e.Name.LocalName is "headerReference" or "footerReference")
            .Select(e => e.Attributes().Single(a => a.Name.LocalName == "type").Value).ShouldBe(["default", "default"]);
    }

    [Fact]
    public void The_contents_are_a_toc_field_with_one_linked_entry_per_article_in_the_chosen_order()
    {
        var a = Create([Paragraph("甲。")], title: "甲", url: "https://example.com/1.html", published: new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var b = Create([Paragraph("乙。")], title: "乙", url: "https://example.com/2.html", published: new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (var (order, expected) in new[] { (DossierOrder.Date, new[] { "乙", "甲" }), (DossierOrder.Input, new[] { "甲", "乙" }) })
        {
            var document = Docx.Part(DossierDocuments.Write([a, b], new DossierOptions(Order: order)), "word/document.xml");
            document.Descendants(W + "instrText").First().Value.ShouldBe(" TOC \\o \"1-1\" \\h \\z \\u ");
            var entries = document.Descendants(W + "hyperlink").Where(h => h.Attribute(W + "anchor") is not null).ToList();
            entries.Select(e => e.Elements(W + "r").First().Value).ShouldBe(expected);
            var bookmarks = document.Descendants(W + "bookmarkStart").ToDictionary(b => b.Attribute(W + "name")!.Value, b => (XElement)b.Parent!);
            foreach (var entry in entries)
            {
                Docx.TextOf(bookmarks[entry.Attribute(W + "anchor")!.Value]).ShouldBe(entry.Elements(W + "r").First().Value);
            }
        }
    }

    [Fact]
    public void Created_comes_from_the_options_when_given()
    {
        var docx = DossierDocuments.Write([Rich()], new DossierOptions("T", DossierOrder.Date, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        Docx.Part(docx, "docProps/core.xml").Descendants().Single(e => e.Name.LocalName == "created").Value.ShouldBe("2024-01-02T03:04:05Z");
        Docx.Paragraphs(docx)[0].ShouldBe(("Title", "T"));
    }

    [Fact]
    public void Pictures_from_the_image_folder_are_embedded_with_part_names_and_drawing_ids_unique_across_articles()
    {
        using var folder = new Convertify.Testing.TemporaryFolder();
        File.WriteAllBytes(folder.File("a.png"), TestImages.Png(40, 30));
        File.WriteAllBytes(folder.File("b.png"), TestImages.Png(50, 20));
        var first = Create([new FigureBlock("https://img.example.com/a.png", "甲", "第一张。", ""), Paragraph("第一篇。")],
            title: "第一篇", url: "https://example.com/1.html");
        var second = Create([new FigureBlock("https://img.example.com/b.png", "乙", "第二张。", ""), Paragraph("第二篇。")],
            title: "第二篇", url: "https://example.com/2.html");
        var docx = DossierDocuments.Write([first, second], wordOptions: new WordWriterOptions { ImageDirectory = folder.Path });
        Docx.EntryNames(docx).Where(n => n.StartsWith("word/media/", StringComparison.Ordinal)).ShouldBe(["word/media/image1.png", "word/media/image2.png"]);
        var document = Docx.Part(docx, "word/document.xml");
        var ids = document.Descendants().Where(e => e.Name.LocalName == "docPr").Select(e => e.Attribute("id")!.Value).ToList();
        ids.ShouldBe(["1", "2"]);
        Docx.ValidationErrors(docx).ShouldBeEmpty();
    }

    private static string? Style(XElement paragraph) =>
        paragraph.Element(W + "pPr")?.Element(W + "pStyle")?.Attribute(W + "val")?.Value;
}
