using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Convertify.Archive;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Markdown.Dossier;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using Convertify.Testing;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Block = Convertify.Model.Block;
using HeadingBlock = Markdig.Syntax.HeadingBlock;
using ListBlock = Markdig.Syntax.ListBlock;
using QuoteBlock = Convertify.Model.QuoteBlock;
using Markdig.Syntax.Inlines;
using LinkInline = Markdig.Syntax.Inlines.LinkInline;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

/// <summary>The Markdown dossier read back by Markdig, YamlDotNet and Hugo.</summary>
public sealed partial class DossierTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().UseGenericAttributes().Build();

    internal static Article Make(string id, string title, DateTimeOffset published, string site = "voa", string siteName = "美国之音",
        string? url = null, string hash = "", string language = "zh-Hans", IEnumerable<Block>? body = null, ImmutableArray<ConversionWarning>? warnings = null)
    {
        var article = Create(body ?? [P("正文：" + title)], title: title, language: language, published: published);
        return article with
        {
            Metadata = article.Metadata with { Id = id, Site = new SiteInfo(site, siteName), OriginalUrl = url ?? $"https://www.example.com/{id}.html" },
            Statistics = article.Statistics with { ContentHash = hash },
            Warnings = warnings ?? [],
        };
    }

    internal static string Dossier(IEnumerable<Article> articles, DossierOptions? options = null, IEnumerable<(string, string)>? failures = null)
    {
        using var output = new MemoryStream();
        using (var sink = new MarkdownDossierWriter().Open(output, options))
        {
            foreach (var article in articles)
            {
                sink.Add(article);
            }
            foreach (var (path, message) in failures ?? [])
            {
                sink.AddFailure(path, message);
            }
            sink.Complete();
        }
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The level-2 headings that are article sections (not contents or notes), as (text, id).</summary>
    internal static List<(string Text, string Id)> ArticleHeadings(MarkdownDocument document) =>
        [.. document.Descendants<HeadingBlock>()
            .Where(h => h.Level == 2)
            .Select(h => (Text: InlineText(h.Inline), Id: h.GetAttributes().Id ?? ""))
            .Where(h => h.Id is not "contents" and not "notes")];

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).TrimEnd();

    private static List<string> ContentsLinks(MarkdownDocument document)
    {
        var contents = document.IndexOf(document.Descendants<HeadingBlock>().First(h => h.GetAttributes().Id == "contents"));
        var list = document[contents + 1].ShouldBeOfType<ListBlock>();
        return [.. list.Descendants<LinkInline>().Select(l => l.Url ?? "")];
    }

    private static readonly Article[] Three =
    [
        Make("voa/3", "第三篇 {不是属性}", new DateTimeOffset(2023, 5, 3, 9, 0, 0, TimeSpan.FromHours(8))),
        Make("dw/1", "First *one*", new DateTimeOffset(2021, 1, 2, 3, 4, 5, TimeSpan.Zero), site: "dw", siteName: "德国之声", language: "en"),
        Make("voa/2", "第二篇 [链接]", new DateTimeOffset(2022, 2, 2, 2, 2, 2, TimeSpan.FromHours(-5))),
    ];

    [Fact]
    public void MarkdigFindsOneHeadingPerArticleByDateAndTheContentsLinkToThem()
    {
        var document = Markdig.Markdown.Parse(Dossier(Three), Pipeline);
        var headings = ArticleHeadings(document);
        headings.ShouldBe([("First *one*", "dw-1"), ("第二篇 [链接]", "voa-2"), ("第三篇 {不是属性}", "voa-3")]);
        ContentsLinks(document).ShouldBe(headings.Select(h => "#" + h.Id).ToList());
    }

    [Fact]
    public void InputOrderKeepsTheOrderTheArticlesCameIn()
    {
        var document = Markdig.Markdown.Parse(Dossier(Three, new DossierOptions(Order: DossierOrder.Input)), Pipeline);
        ArticleHeadings(document).Select(h => h.Id).ShouldBe(["voa-3", "dw-1", "voa-2"]);
        ContentsLinks(document).ShouldBe(["#voa-3", "#dw-1", "#voa-2"]);
    }

    [Fact]
    public void SiteOrderGroupsBySiteCodeThenDate()
    {
        var document = Markdig.Markdown.Parse(Dossier(Three, new DossierOptions(Order: DossierOrder.Site)), Pipeline);
        ArticleHeadings(document).Select(h => h.Id).ShouldBe(["dw-1", "voa-2", "voa-3"]);
    }

    [Fact]
    public void YamlDotNetReadsTheCollectionFrontMatter()
    {
        var markdown = Dossier(Three);
        var map = FrontMatterText.Read(FrontMatterText.Yaml(markdown));
        FrontMatterText.Scalar(map, "title").ShouldBe("Dossier: 德国之声, 美国之音, 2021-01-02 – 2023-05-03");
        FrontMatterText.Scalar(map, "date").ShouldBe("2023-05-03T09:00:00+08:00");
        FrontMatterText.Scalar(map, "articles").ShouldBe("3");
        FrontMatterText.Sequence(map, "sites").ShouldBe(["德国之声", "美国之音"]);
        FrontMatterText.Scalar(map, "first_date").ShouldBe("2021-01-02T03:04:05Z");
        FrontMatterText.Scalar(map, "last_date").ShouldBe("2023-05-03T09:00:00+08:00");
        FrontMatterText.Scalar(map, "date_range").ShouldBe("2021-01-02 – 2023-05-03");
        map.ShouldNotContainKey("lang");
        map.ShouldNotContainKey("isCJKLanguage");

        var chinese = FrontMatterText.Read(FrontMatterText.Yaml(Dossier(Three.Where(a => a.Metadata.Language == "zh-Hans"), new DossierOptions(Title: "选 \"题\" : no"))));
        FrontMatterText.Scalar(chinese, "title").ShouldBe("选 \"题\" : no");
        FrontMatterText.Scalar(chinese, "lang").ShouldBe("zh-Hans");
        FrontMatterText.Scalar(chinese, "isCJKLanguage").ShouldBe("true");
        FrontMatterText.Scalar(chinese, "articles").ShouldBe("2");
    }

    [Fact]
    public void EachSectionHasAMetadataLineThenTheBodyAsTheArticleWriterRendersItWithHeadingsDemoted()
    {
        Block[] body =
        [
            new Convertify.Model.HeadingBlock(1, [T("大标题")]), P("一段 *文字* 和 [链接](x)。"), new Convertify.Model.HeadingBlock(2, [T("小标题")]),
            new QuoteBlock([P("引文")]), new Convertify.Model.HeadingBlock(6, [T("最小")]),
        ];
        var article = Make("voa/9", "标题", new DateTimeOffset(2022, 12, 29, 15, 59, 1, TimeSpan.FromHours(8)), body: body) with
        {
            Metadata = Make("voa/9", "标题", new DateTimeOffset(2022, 12, 29, 15, 59, 1, TimeSpan.FromHours(8))).Metadata with { Authors = ["张三", "李四"] },
        };
        var markdown = Dossier([article]);
        var single = Write(article, new MarkdownWriterOptions(FrontMatter: false, TitleHeading: false));
        var expectedBody = single.Replace("# 大标题", "### 大标题").Replace("## 小标题", "### 小标题");
        expectedBody.ShouldNotBe(single);
        markdown.ShouldContain("""
            ## 标题 {#voa-9}

            美国之音 · 2022-12-29 15:59 +08:00 · 张三, 李四 · [www.example.com](https://www.example.com/voa/9.html) · voa/9


            """.Replace("\r", "") + expectedBody);
    }

    [Fact]
    public void DuplicatesAppearOnceAndAreListedInNotesWithFailuresAndWarnings()
    {
        var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Article[] articles =
        [
            Make("voa/1", "原文", day, hash: "aaaa", warnings: [new ConversionWarning("html.malformed", "closed an open tag")]),
            Make("voa/2", "同一网址", day.AddDays(1), url: "HTTPS://www.example.com/voa/1.html/", hash: "bbbb"),
            Make("rfa/7", "同一正文", day.AddDays(2), site: "rfa", siteName: "自由亚洲", hash: "aaaa"),
            Make("rfa/8", "另一篇", day.AddDays(3), site: "rfa", siteName: "自由亚洲", hash: "cccc"),
        ];
        var markdown = Dossier(articles, failures: [("articles/voa/bad.md", "line 2 is not a [title](url) link")]);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        ArticleHeadings(document).Select(h => h.Id).ShouldBe(["voa-1", "rfa-8"]);
        FrontMatterText.Scalar(FrontMatterText.Read(FrontMatterText.Yaml(markdown)), "articles").ShouldBe("2");
        var notes = markdown[markdown.IndexOf("## Notes {#notes}", StringComparison.Ordinal)..];
        notes.ShouldContain("- voa/2 (同一网址): same original URL as voa/1\n");
        notes.ShouldContain("- rfa/7 (同一正文): same text as voa/1\n");
        notes.ShouldContain("- articles/voa/bad.md: line 2 is not a \\[title\\](url) link\n");
        notes.ShouldContain("- [原文](#voa-1)\n  - html.malformed: closed an open tag\n");
        markdown.Split("同一正文").Length.ShouldBe(2, "the duplicate's title appears only in the notes");
    }

    [Fact]
    public void SameInputGivesTheSameBytesAndAnchorsStayUnique()
    {
        var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Article[] articles = [.. Three, Make("voa-3", "冲突", day), Make("9/ü", "非字母", day), Make("", "无编号", day)];
        var first = Dossier(articles, new DossierOptions(Order: DossierOrder.Site));
        Dossier(articles, new DossierOptions(Order: DossierOrder.Site)).ShouldBe(first);
        first.ShouldEndWith("\n");
        first.ShouldNotEndWith("\n\n");
        var ids = ArticleHeadings(Markdig.Markdown.Parse(first, Pipeline)).Select(h => h.Id).ToList();
        ids.ShouldBe(ids.Distinct().ToList());
        ids.ShouldContain("voa-3-2");
        ids.ShouldContain("article-9");
        ids.ShouldContain("article");
        ids.ShouldAllBe(id => Regex.IsMatch(id, "^[a-z][a-z0-9_-]*$"));
    }

    [Fact]
    public void TheSinkKeepsNoArticle()
    {
        using var output = new MemoryStream();
        var references = new List<WeakReference>();
        using (var sink = new MarkdownDossierWriter().Open(output))
        {
            AddMany(sink, references);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            references.Count(r => r.IsAlive).ShouldBe(0);
            sink.Complete();
        }
        ArticleHeadings(Markdig.Markdown.Parse(Encoding.UTF8.GetString(output.ToArray()), Pipeline)).Count.ShouldBe(50);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddMany(IArticleSink sink, List<WeakReference> references)
    {
        for (var i = 0; i < 50; i++)
        {
            var article = Make($"voa/{i}", $"第{i}篇", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i), body: [P(new string('字', 2000))]);
            references.Add(new WeakReference(article));
            sink.Add(article);
        }
    }

    [Fact]
    public void TheBuilderRegistersTheDossierWriter()
    {
        var registry = new ConverterBuilder().AddMarkdownDossier().Build().Registry;
        registry.FindDossierWriter("dossier-md").ShouldBeOfType<MarkdownDossierWriter>().Format.Extension.ShouldBe(".md");
    }

    [Fact]
    public void ADossierOfTheWholeCorpus()
    {
        var reader = new ArchiveArticleReader();
        var articles = Corpus.ArticleFiles().Select(p => reader.Read(ArticleInput.FromFile(p))).ToList();
        var markdown = Dossier(articles);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var headings = ArticleHeadings(document);
        var unique = articles.DistinctBy(a => a.Metadata.OriginalUrl.Trim().TrimEnd('/')).Count();
        headings.Count.ShouldBeLessThanOrEqualTo(unique);
        headings.Count.ShouldBeGreaterThan(articles.Count / 2);
        var notes = markdown.IndexOf("## Notes {#notes}", StringComparison.Ordinal);
        var leftOut = notes < 0 ? 0 : Regex.Matches(markdown[notes..], @"^- \S+ \(.*\): same (original URL|text) as ", RegexOptions.Multiline).Count;
        (headings.Count + leftOut).ShouldBe(articles.Count);
        ContentsLinks(document).ShouldBe(headings.Select(h => "#" + h.Id).ToList());
        var published = headings.Select(h => articles.First(a => a.Metadata.Id == IdOf(markdown, h.Id)).Metadata.Published.Value).ToList();
        published.ShouldBe(published.Order().ToList());
        FrontMatterText.Scalar(FrontMatterText.Read(FrontMatterText.Yaml(markdown)), "articles").ShouldBe(headings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Dossier(articles).ShouldBe(markdown);
    }

    /// <summary>The archive id closing the metadata line under the heading with <paramref name="anchor"/>.</summary>
    private static string IdOf(string markdown, string anchor)
    {
        var at = markdown.IndexOf("{#" + anchor + "}\n\n", StringComparison.Ordinal);
        var line = markdown[(at + anchor.Length + 5)..].Split('\n')[0];
        return line[(line.LastIndexOf(" · ", StringComparison.Ordinal) + 3)..];
    }
}
