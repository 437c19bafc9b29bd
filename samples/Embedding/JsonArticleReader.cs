using System.Collections.Immutable;
using System.Text.Json;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Embedding;

/// <summary>
/// Use 4: a host's own input format — a CMS's JSON export, <c>{"title", "url", "published", "site", "paragraphs": […]}</c> —
/// read into the same model the built-in readers build, so every registered writer can write it.
/// </summary>
public sealed class JsonArticleReader : IArticleReader
{
    /// <inheritdoc />
    public FormatInfo Format { get; } = new("cms-json", "a CMS's JSON export of one story", ".json");

    /// <inheritdoc />
    public string SniffDescription => "a JSON object that starts with \"title\"";

    /// <inheritdoc />
    public bool Sniffs(ReadOnlySpan<byte> content) => content.TrimStart(" \t\r\n"u8).StartsWith("{\"title\""u8);

    /// <inheritdoc />
    public Article Read(ArticleInput input)
    {
        try
        {
            using var json = JsonDocument.Parse(input.Content);
            var story = json.RootElement;
            var published = story.GetProperty("published").GetDateTimeOffset();
            var site = story.GetProperty("site").GetString()!;
            var metadata = new ArticleMetadata(
                Id: site + "/" + Path.GetFileNameWithoutExtension(input.Path),
                SourcePath: input.Path,
                Site: new SiteInfo(site, site),
                Title: story.GetProperty("title").GetString()!,
                OriginalUrl: story.GetProperty("url").GetString()!,
                Published: new PublishedTime(published, DateSource.FrontMatter, DatePrecision.Second, null),
                FeedTime: published,
                Authors: [],
                Language: "en",
                Description: "",
                LeadImage: null);
            var body = story.GetProperty("paragraphs").EnumerateArray()
                .Select(p => (Block)new ParagraphBlock([new TextInline(p.GetString()!)]))
                .ToImmutableArray();
            return ArticleAssembler.Assemble(metadata, body, [], []);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // One line naming the file and the problem, as the built-in readers report.
            throw new ArticleFormatException(input.Path, FormatProblem.Malformed, "not a CMS story: " + e.Message);
        }
    }
}
