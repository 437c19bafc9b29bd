using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch.Tests.Fakes;

/// <summary>
/// Reads the archive frame (<c>&lt;!--ms--&gt;</c>, <c>[title](url)</c>, <c>------</c>, blank, body) into an article whose body is one
/// paragraph. A body containing <c>FAIL</c> is refused; <c>lang=en</c> in the body makes the language English.
/// </summary>
internal sealed class FakeReader : IArticleReader
{
    public FormatInfo Format { get; } = new("archive", "fake archive reader", ".md");

    public Article Read(ArticleInput input)
    {
        var text = Encoding.UTF8.GetString(input.Content.Span);
        var lines = text.Split('\n');
        if (lines.Length < 5 || !lines[0].StartsWith("<!--", StringComparison.Ordinal) || lines[2] != "------")
        {
            throw new ArticleFormatException(input.Path, FormatProblem.InvalidHeader, "missing article header");
        }
        var body = string.Join('\n', lines.Skip(4)).Trim();
        if (body.Contains("FAIL", StringComparison.Ordinal))
        {
            throw new ArticleFormatException(input.Path, FormatProblem.InvalidHeader, "the body asks to fail");
        }
        var feed = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(lines[0][4..^3], CultureInfo.InvariantCulture));
        var titleEnd = lines[1].LastIndexOf("](", StringComparison.Ordinal);
        var title = lines[1][1..titleEnd];
        var url = lines[1][(titleEnd + 2)..^1];
        var segments = input.Path.Split('/');
        var site = segments.Length >= 3 ? segments[^2].ToLowerInvariant() : "unknown";
        var id = site + "/" + Path.GetFileNameWithoutExtension(input.Path);
        var metadata = new ArticleMetadata(id, input.Path, new SiteInfo(site, site.ToUpperInvariant()), title, url,
            new PublishedTime(feed, DateSource.FeedTime, DatePrecision.Millisecond, null), feed, [],
            body.Contains("lang=en", StringComparison.Ordinal) ? "en" : "zh-Hans", body, null);
        ImmutableArray<Block> blocks = [new ParagraphBlock([new TextInline(body)])];
        return ArticleAssembler.Assemble(metadata, blocks, [], []);
    }
}
