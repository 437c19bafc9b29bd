using System.Collections.Immutable;
using System.Text;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch.Tests.Fakes;

/// <summary>
/// A test-only reader of inputs that hold many articles, standing in for a feed reader: a first line <c>#many</c>, then
/// one article per line, <c>id|title|body</c>; blank lines are ignored, and a line <c>#broken</c> stops reading with
/// "malformed at line N" when it is reached (the articles before it stand). Sniffs the <c>#many</c> line.
/// </summary>
internal sealed class LinesTestReader : IArticleReader
{
    public const string Name = "lines-test";

    public static readonly DateTimeOffset BaseTime = new(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);

    public FormatInfo Format { get; } = new(Name, "test feed: one article per line", ".lines") { Extensions = [".lines", ".feed"] };

    public bool ReadsMany => true;

    public string SniffDescription => "first line #many";

    public bool Sniffs(ReadOnlySpan<byte> content) => content.StartsWith("#many\n"u8) || content.SequenceEqual("#many"u8);

    public Article Read(ArticleInput input)
    {
        var articles = ReadAll(input).Take(2).ToList();
        return articles.Count == 1
            ? articles[0]
            : throw new ArticleFormatException(input.Path, FormatProblem.Malformed, $"holds {articles.Count} articles, not one");
    }

    public IEnumerable<Article> ReadAll(ArticleInput input)
    {
        var lines = Encoding.UTF8.GetString(input.Content.Span).Split('\n');
        if (lines[0] != "#many")
        {
            throw new ArticleFormatException(input.Path, FormatProblem.Malformed, "malformed at line 1: not a lines-test file");
        }
        return Items(input.Path, lines);
    }

    /// <summary>One line of a lines-test file.</summary>
    public static string Line(string id, string title, string body) => $"{id}|{title}|{body}";

    /// <summary>A whole lines-test file.</summary>
    public static string File(params string[] lines) => string.Join('\n', ["#many", .. lines]) + "\n";

    private static IEnumerable<Article> Items(string path, string[] lines)
    {
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Length == 0)
            {
                continue;
            }
            if (line == "#broken")
            {
                throw new ArticleFormatException(path, FormatProblem.Malformed, $"malformed at line {n + 1}");
            }
            var parts = line.Split('|');
            var time = BaseTime.AddDays(n);
            var metadata = new ArticleMetadata("lines/" + parts[0], path, new SiteInfo("lines", "Lines"), parts[1], "https://lines.example/" + parts[0],
                new PublishedTime(time, DateSource.FeedItem, DatePrecision.Second, null), time, [], "en", parts[2], null);
            yield return ArticleAssembler.Assemble(metadata, [new ParagraphBlock([new TextInline(parts[2])])], [], []);
        }
    }
}
