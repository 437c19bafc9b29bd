using System.Collections.Immutable;
using System.Text;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

/// <summary>
/// Compares the output with reviewed files under <c>fixtures/expected/md</c>. Set <c>CONVERTIFY_UPDATE_GOLDEN=1</c>
/// to rewrite them, then review the diff by eye: these files are what users see.
/// </summary>
public sealed class GoldenTests
{
    private static bool Update => Environment.GetEnvironmentVariable("CONVERTIFY_UPDATE_GOLDEN") == "1";

    private static string ExpectedRoot => Path.Combine(TestPaths.Fixtures, "expected", "md");

    [Fact]
    public void FixtureArticlesMatchTheirGoldenMarkdown()
    {
        var articles = Path.Combine(TestPaths.Fixtures, "articles");
        var files = Directory.Exists(articles)
            ? Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            Assert.Skip("no fixtures/articles yet (they come with the archive branch)");
        }
        var reader = new ArchiveArticleReader();
        var writer = new MarkdownArticleWriter();
        var failures = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(articles, file);
            var article = reader.Read(ArticleInput.FromFile(file));
            Compare(Path.Combine(ExpectedRoot, relative), writer.WriteToString(article), failures);
        }
        // Golden files whose fixture is gone would never be checked again.
        foreach (var expected in Directory.EnumerateFiles(ExpectedRoot, "*.md", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(ExpectedRoot, expected);
            if (relative.Contains(Path.DirectorySeparatorChar) && !File.Exists(Path.Combine(articles, relative)))
            {
                failures.Add($"{expected} has no fixture fixtures/articles/{relative}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void ShowcaseArticleMatchesItsGoldenMarkdown()
    {
        var failures = new List<string>();
        Compare(Path.Combine(ExpectedRoot, "showcase.md"), Write(Showcase()), failures);
        failures.ShouldBeEmpty();
    }

    private static void Compare(string expectedPath, string actual, List<string> failures)
    {
        if (Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(expectedPath)!);
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            return;
        }
        if (!File.Exists(expectedPath))
        {
            failures.Add($"{expectedPath} is missing (run with CONVERTIFY_UPDATE_GOLDEN=1 and review it)");
            return;
        }
        var expected = File.ReadAllText(expectedPath);
        if (expected != actual)
        {
            var lineNumber = 0;
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            while (lineNumber < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[lineNumber] == actualLines[lineNumber])
            {
                lineNumber++;
            }
            failures.Add($"{expectedPath} differs at line {lineNumber + 1}:\n  expected: {Line(expectedLines, lineNumber)}\n  actual:   {Line(actualLines, lineNumber)}");
        }
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index] : "(end)";

    /// <summary>An invented article that shows every block kind once.</summary>
    internal static Article Showcase() => Create(
        [
            P(T("华盛顿 — 这是一篇为展示而编写的文章，"), B("“加粗的引语”"), T("紧跟中文；还有"), I("斜体"), T("和"), L("https://example.com/a_(b)", "一个链接"), T("。")),
            new FigureBlock("https://example.com/images/photo.jpg", "", "一张虚构的图片：湖边的小屋。", "图片来源：示例通讯社"),
            new HeadingBlock(2, [T("第一部分：列表")]),
            new ListBlock(false,
            [
                new ListItem([P("第一项"), new ListBlock(true, [new ListItem([P("子项甲")]), new ListItem([P("子项乙")])])]),
                new ListItem([P(T("第二项含有"), B("粗体"))]),
            ]),
            new QuoteBlock([P("引用的第一段。"), new QuoteBlock([P("嵌套的引用。")])]),
            new TableBlock(
            [
                new TableRow([new TableCell([T("城市")]), new TableCell([T("人口（万）")])], true),
                new TableRow([new TableCell([T("甲市")]), new TableCell([T("1,234")])], false),
                new TableRow([new TableCell([T("乙|丙")]), new TableCell([T("56")])], false),
            ], "虚构的数据表"),
            new RuleBlock(),
            new EmbedBlock(EmbedKind.Video, "https://example.com/video/1", "示例视频"),
            P("1. 这不是列表，# 也不是标题，<b>不是 HTML</b>，*不是强调*。"),
        ],
        title: "展示：一篇“虚构”的文章 #1",
        authors: ["王小明", "李华"],
        description: "这是一篇为展示而编写的文章。",
        leadImage: "https://example.com/images/photo.jpg",
        related: [new RelatedLink("https://example.com/related", "相关报道")]);
}
