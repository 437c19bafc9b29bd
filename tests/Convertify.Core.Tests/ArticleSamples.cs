using System.Collections.Immutable;
using Convertify.Model;

namespace Convertify.Core.Tests;

internal static class ArticleSamples
{
    public static ArticleMetadata Metadata(string title = "测试标题") => new(
        "voa/1000001", "articles/voa/1000001.md", new SiteInfo("voa", "美国之音"), title, "https://example.org/a/1.html",
        new PublishedTime(new DateTimeOffset(2022, 12, 29, 15, 59, 1, TimeSpan.Zero), DateSource.BodyWithZone, DatePrecision.Second, "Thu, 29 Dec 2022 15:59:01 GMT"),
        new DateTimeOffset(2022, 12, 29, 16, 39, 8, TimeSpan.Zero), [], "zh-Hans", "", null);

    public static ParagraphBlock Paragraph(params Inline[] inlines) => new([.. inlines]);

    public static TextInline Txt(string text) => new(text);

    public static Article Assemble(params Block[] body) =>
        ArticleAssembler.Assemble(Metadata(), [.. body], [], []);
}
