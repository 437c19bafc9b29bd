using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Text;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

/// <summary>Builds a real Hugo site from the output and checks what Hugo made of it.</summary>
public sealed partial class HugoTests
{
    private const string SingleLayout = """<t>{{ .Title }}</t><d>{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}</d><u>{{ .Params.original_url }}</u><c>{{ .Content }}</c>""";

    [Fact]
    public void HugoBuildsEveryCorpusArticleWithItsTitleAndDate()
    {
        var hugo = ExternalClients.RequireCommand("hugo");
        var entries = CorpusArticles.All();
        var pages = entries.Select(e => (Name: e.Article.Metadata.Site.Code + "-" + Path.GetFileNameWithoutExtension(e.Path), e.Article, e.Markdown)).ToList();
        var failures = Build(hugo, pages);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void HugoReadsNastyTitlesAndRendersEmphasisNextToCjkPunctuation()
    {
        var hugo = ExternalClients.RequireCommand("hugo");
        var pages = new List<(string, Article, string)>();
        var index = 0;
        foreach (var title in FrontMatterTests.NastyTitles.Where(t => t.Trim().Length > 0))
        {
            var article = Create([P("正文")], title: title, published: new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.FromHours(index % 3 - 1)));
            pages.Add(($"nasty-{index++}", article, Write(article)));
        }
        string[] neighbours = ["", "字", "。", "“", "a", " ", "）"];
        string[] edges = ["引", "“", "「", "（", "a", "1", "《"];
        var paragraphs = new List<Block>();
        foreach (var left in neighbours)
        foreach (var right in neighbours)
        foreach (var first in edges)
        foreach (var last in edges)
        {
            var content = first + "中" + last;
            paragraphs.Add(P(T("前" + left), B(content), T(right + "后"), T(" 和 "), I(content), T(right + "尾")));
        }
        paragraphs.AddRange(EmphasisTests.MixedCases.Where(c => !PlainText.Of(c.ToImmutableArray()).Contains('*')).Select(c => new ParagraphBlock([.. c])));
        var emphasis = Create(paragraphs, title: "emphasis");
        pages.Add(("emphasis", emphasis, Write(emphasis)));
        Build(hugo, pages).ShouldBeEmpty();
    }

    private static List<string> Build(string hugo, IReadOnlyList<(string Name, Article Article, string Markdown)> pages)
    {
        using var site = HugoSite.Create(SingleLayout);
        foreach (var page in pages)
        {
            File.WriteAllText(site.File($"content/posts/{page.Name}.md"), page.Markdown);
        }
        var result = ProcessRunner.Run(hugo, ["--quiet", "--noBuildLock", "--source", site.Path, "--destination", site.File("public"),
            "--cacheDir", site.File("cache")], timeout: TimeSpan.FromMinutes(5), workingDirectory: site.Path);
        var failures = new List<string>();
        if (result.ExitCode != 0 || result.StandardError.Trim().Length > 0)
        {
            failures.Add("hugo failed: " + result);
            return failures;
        }
        var built = Directory.EnumerateFiles(site.File("public/posts"), "index.html", SearchOption.AllDirectories)
            .Count(p => Path.GetDirectoryName(p) != site.File("public/posts"));
        if (built != pages.Count)
        {
            failures.Add($"{built} pages built for {pages.Count} articles");
        }
        foreach (var (name, article, _) in pages)
        {
            var file = site.File($"public/posts/{name}/index.html");
            if (!File.Exists(file))
            {
                failures.Add($"{name}: no page");
                continue;
            }
            var html = File.ReadAllText(file);
            var m = Page().Match(html);
            if (!m.Success)
            {
                failures.Add($"{name}: unexpected page {html[..Math.Min(200, html.Length)]}");
                continue;
            }
            var title = WebUtility.HtmlDecode(m.Groups["t"].Value);
            if (title != XmlSafeText.Clean(article.Metadata.Title))
            {
                failures.Add($"{name}: title {EscapingTests.Show(title)} != {EscapingTests.Show(article.Metadata.Title)}");
            }
            var date = article.Metadata.Published.Value;
            var expectedDate = date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
                + (date.Offset == TimeSpan.Zero ? "Z" : date.ToString("zzz", CultureInfo.InvariantCulture));
            var hugoDate = WebUtility.HtmlDecode(m.Groups["d"].Value);
            if (hugoDate != expectedDate)
            {
                failures.Add($"{name}: date {hugoDate} != {expectedDate}");
            }
            if (WebUtility.HtmlDecode(m.Groups["u"].Value) != article.Metadata.OriginalUrl)
            {
                failures.Add($"{name}: url {m.Groups["u"].Value}");
            }
            var content = m.Groups["c"].Value;
            if (content.Contains("raw HTML omitted", StringComparison.Ordinal))
            {
                failures.Add($"{name}: Hugo dropped raw HTML");
            }
            var text = Regex.Replace(content, "<[^>]*>", "");
            if (text.Contains('*') && !PlainText.Of(article.Body).Contains('*'))
            {
                var at = text.IndexOf('*');
                failures.Add($"{name}: a delimiter Hugo did not take for emphasis: …{text[Math.Max(0, at - 30)..Math.Min(text.Length, at + 30)]}…");
            }
        }
        return failures;
    }

    [GeneratedRegex("<t>(?<t>.*?)</t><d>(?<d>.*?)</d><u>(?<u>.*?)</u><c>(?<c>.*)</c>", RegexOptions.Singleline)]
    private static partial Regex Page();
}
