using System.Net;
using System.Text.RegularExpressions;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Markdown.Tests;

/// <summary>Hugo builds a Markdown dossier as one page with every section's anchor.</summary>
public sealed partial class DossierHugoTests
{
    private const string SingleLayout = """<t>{{ .Title }}</t><n>{{ .Params.articles }}</n><c>{{ .Content }}</c>""";

    [Fact]
    public void HugoBuildsTheCorpusDossierAsOnePageWithEveryAnchor()
    {
        var hugo = ExternalClients.RequireCommand("hugo");
        var reader = new ArchiveArticleReader();
        var articles = Corpus.ArticleFiles().Select(p => reader.Read(ArticleInput.FromFile(p)));
        CheckBuild(hugo, DossierTests.Dossier(articles));
    }

    [Fact]
    public void HugoReadsAnchorsAfterTitlesWithBracesAndMarkup()
    {
        var hugo = ExternalClients.RequireCommand("hugo");
        var day = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Article[] articles =
        [
            DossierTests.Make("voa/1", "标题 {#假的} {.class}", day),
            DossierTests.Make("voa/2", "Ends with {brace}", day.AddDays(1)),
            DossierTests.Make("voa/3", "# not a heading *and* [link](x) `code`", day.AddDays(2),
                body: [new Convertify.Model.HeadingBlock(2, [new TextInline("小节 {#x}")]), new ParagraphBlock([new TextInline("正文")])]),
        ];
        var content = CheckBuild(hugo, DossierTests.Dossier(articles, new DossierOptions(Title: "选题: \"no\"")));
        var titles = Regex.Matches(content, "<h2 id=\"(?<id>voa-[0-9])\">(?<text>.*?)</h2>").Select(m => (m.Groups["id"].Value, WebUtility.HtmlDecode(m.Groups["text"].Value)));
        titles.ShouldBe(articles.Select(a => (a.Metadata.Id.Replace('/', '-'), a.Metadata.Title)));
    }

    private static string CheckBuild(string hugo, string markdown)
    {
        using var site = HugoSite.Create(SingleLayout);
        File.WriteAllText(site.File("content/posts/dossier.md"), markdown);
        var result = ProcessRunner.Run(hugo, ["--quiet", "--noBuildLock", "--source", site.Path, "--destination", site.File("public"),
            "--cacheDir", site.File("cache")], timeout: TimeSpan.FromMinutes(5), workingDirectory: site.Path);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardError.Trim().ShouldBeEmpty();
        var pages = Directory.EnumerateFiles(site.File("public/posts"), "index.html", SearchOption.AllDirectories)
            .Where(p => Path.GetDirectoryName(p) != site.File("public/posts")).ToList();
        pages.ShouldBe([site.File("public/posts/dossier/index.html")]);

        var html = File.ReadAllText(pages[0]);
        var page = Page().Match(html);
        page.Success.ShouldBeTrue(html[..Math.Min(300, html.Length)]);
        var yaml = FrontMatterText.Read(FrontMatterText.Yaml(markdown));
        WebUtility.HtmlDecode(page.Groups["t"].Value).ShouldBe(FrontMatterText.Scalar(yaml, "title"));
        page.Groups["n"].Value.ShouldBe(FrontMatterText.Scalar(yaml, "articles"));
        var content = page.Groups["c"].Value;
        content.ShouldNotContain("raw HTML omitted");

        var anchors = Anchor().Matches(markdown).Select(m => m.Groups["id"].Value).ToList();
        anchors.Count.ShouldBe(int.Parse(FrontMatterText.Scalar(yaml, "articles"), System.Globalization.CultureInfo.InvariantCulture) + 1 + (markdown.Contains("{#notes}\n", StringComparison.Ordinal) ? 1 : 0));
        var headingIds = HeadingId().Matches(content).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        anchors.Where(a => !headingIds.Contains(a)).ShouldBeEmpty("every section anchor is an h2 id in Hugo's page");
        var links = Href().Matches(content).Select(m => m.Groups["id"].Value).ToList();
        links.ShouldNotBeEmpty();
        links.Where(l => !headingIds.Contains(l)).ShouldBeEmpty("every in-page link resolves to a heading");
        return content;
    }

    [GeneratedRegex("<t>(?<t>.*?)</t><n>(?<n>.*?)</n><c>(?<c>.*)</c>", RegexOptions.Singleline)]
    private static partial Regex Page();

    [GeneratedRegex(@"^## .* \{#(?<id>[a-z][a-z0-9_-]*)\}$", RegexOptions.Multiline)]
    private static partial Regex Anchor();

    [GeneratedRegex("<h2 id=\"(?<id>[^\"]+)\"")]
    private static partial Regex HeadingId();

    [GeneratedRegex("href=\"#(?<id>[^\"]+)\"")]
    private static partial Regex Href();
}
