using System.Collections.Immutable;
using Convertify.Model;

namespace Convertify.Markdown.Tests.Support;

/// <summary>Hand-made articles (invented text) for unit tests.</summary>
internal static class TestArticles
{
    public static readonly DateTimeOffset Published = new(2022, 12, 29, 15, 59, 1, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Feed = new(2022, 12, 29, 8, 0, 0, TimeSpan.Zero);

    public static Article Create(IEnumerable<Block> body, string title = "测试标题", string language = "zh-Hans",
        ImmutableArray<string>? authors = null, DateTimeOffset? published = null, string? leadImage = null,
        string description = "", ImmutableArray<RelatedLink>? related = null)
    {
        var metadata = new ArticleMetadata("voa/1000001", null, new SiteInfo("voa", "美国之音"), title,
            "https://www.example.com/a/1000001.html", new PublishedTime(published ?? Published, DateSource.BodyWithZone, DatePrecision.Second, null),
            Feed, authors ?? [], language, description, leadImage);
        // Built directly (not through ArticleAssembler) so tests can hold text the assembler's hashing rejects.
        return new Article(metadata, [.. body], related ?? [], new ArticleStatistics(0, 0, 0, 0, ""), []);
    }

    public static ParagraphBlock P(params Inline[] inlines) => new([.. inlines]);

    public static ParagraphBlock P(string text) => new([new TextInline(text)]);

    public static TextInline T(string text) => new(text);

    public static StrongInline B(params Inline[] inlines) => new([.. inlines]);

    public static StrongInline B(string text) => new([new TextInline(text)]);

    public static EmphasisInline I(params Inline[] inlines) => new([.. inlines]);

    public static EmphasisInline I(string text) => new([new TextInline(text)]);

    public static LinkInline L(string url, string text, string title = "") => new(url, [new TextInline(text)], title);

    public static string Write(Article article, MarkdownWriterOptions? options = null) =>
        new MarkdownArticleWriter(options).WriteToString(article);

    public static string Body(params Block[] blocks) =>
        Write(Create(blocks), new MarkdownWriterOptions(FrontMatter: false, TitleHeading: false, RelatedLinks: false));
}
