using System.Collections.Immutable;
using Convertify.Model;

namespace Convertify.Excel.Tests;

/// <summary>Hand-made articles with invented text.</summary>
internal static class TestArticles
{
    public static readonly DateTimeOffset Published = new(2024, 3, 5, 14, 30, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Feed = new(2024, 3, 5, 7, 0, 0, TimeSpan.Zero);

    public static Article Make(
        string id,
        string title = "A harbour reopens after the storm",
        string? url = null,
        DateTimeOffset? published = null,
        string site = "voa",
        string siteName = "Example Voice",
        ImmutableArray<Block>? body = null,
        ImmutableArray<ConversionWarning>? warnings = null,
        ImmutableArray<RelatedLink>? related = null,
        string? paragraph = null,
        OriginalSource? originalSource = null,
        ImmutableArray<string>? tags = null,
        DateSource dateSource = DateSource.BodyWithZone)
    {
        var blocks = body ?? [Paragraph(paragraph ?? $"Boats returned to the harbour of article {id} on Tuesday morning.")];
        var metadata = new ArticleMetadata(
            $"{site}/{id}",
            $"articles/{site}/{id}.md",
            new SiteInfo(site, siteName),
            title,
            url ?? $"https://www.example.com/news/{id}",
            new PublishedTime(published ?? Published, dateSource, DatePrecision.Minute, null),
            Feed,
            ["Ann Writer", "Bo Reporter"],
            "en",
            string.Empty,
            null,
            originalSource,
            tags ?? []);
        return ArticleAssembler.Assemble(metadata, blocks, related ?? [], warnings ?? []);
    }

    public static ParagraphBlock Paragraph(params Inline[] inlines) => new([.. inlines]);

    public static ParagraphBlock Paragraph(string text) => new([new TextInline(text)]);

    public static LinkInline Link(string url, string text) => new(url, [new TextInline(text)]);
}
