using System.Net;
using System.Text.RegularExpressions;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Text;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

/// <summary>The original source and the tags in front matter: flat strings and a list that YamlDotNet, Markdig and Hugo read.</summary>
public sealed partial class OriginalSourceAndTagsTests
{
    private static Article WithSource(OriginalSource? source, params string[] tags)
    {
        var article = Create([P("正文")]);
        return article with { Metadata = article.Metadata with { OriginalSource = source, Tags = [.. tags] } };
    }

    [Fact]
    public void Source_and_tags_have_the_documented_shape()
    {
        var markdown = Write(WithSource(new OriginalSource("微信公众号“临登港观察”", "https://web.archive.org/web/2025/https://mp.weixin.qq.com/s/a"), "渔业", "就业"));
        FrontMatterText.Yaml(markdown).ShouldBe("""
            title: "测试标题"
            date: 2022-12-29T15:59:01+08:00
            categories:
            - "美国之音"
            tags:
            - "渔业"
            - "就业"
            source: "美国之音"
            site: "voa"
            original_url: "https://www.example.com/a/1000001.html"
            original_source: "微信公众号“临登港观察”"
            original_source_url: "https://web.archive.org/web/2025/https://mp.weixin.qq.com/s/a"
            feed_time: 2022-12-29T08:00:00Z
            date_source: "body_with_zone"
            lang: "zh-Hans"
            isCJKLanguage: true
            id: "voa/1000001"

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Both_are_omitted_when_absent_and_the_link_when_the_source_has_none()
    {
        var none = FrontMatterText.Read(FrontMatterText.Yaml(Write(WithSource(null))));
        none.Keys.ShouldNotContain("tags");
        none.Keys.ShouldNotContain("original_source");
        none.Keys.ShouldNotContain("original_source_url");

        var unlinked = FrontMatterText.Read(FrontMatterText.Yaml(Write(WithSource(new OriginalSource("harbourcam（微信视频号）", null)))));
        FrontMatterText.Scalar(unlinked, "original_source").ShouldBe("harbourcam（微信视频号）");
        unlinked.Keys.ShouldNotContain("original_source_url");
    }

    [Fact]
    public void YamlDotNet_and_Markdig_read_back_nasty_sources_and_tags()
    {
        var failures = new List<string>();
        var titles = FrontMatterTests.NastyTitles;
        for (var i = 0; i < titles.Length; i++)
        {
            var name = titles[i];
            string[] tags = [name, titles[(i + 1) % titles.Length], "渔业"];
            var markdown = Write(WithSource(new OriginalSource(name, "https://example.org/s?a=1&b=\"2\""), tags));
            var yaml = MarkdigText.FrontMatter(MarkdigText.Parse(markdown));
            if (yaml != FrontMatterText.Yaml(markdown))
            {
                failures.Add($"{EscapingTests.Show(name)}: Markdig sees other front matter");
                continue;
            }
            var map = FrontMatterText.Read(yaml);
            var expectedName = XmlSafeText.Clean(name).Trim();
            if (expectedName.Length > 0
                ? FrontMatterText.Scalar(map, "original_source") != expectedName || FrontMatterText.Scalar(map, "original_source_url") != "https://example.org/s?a=1&b=\"2\""
                : map.ContainsKey("original_source") || map.ContainsKey("original_source_url"))
            {
                failures.Add($"source {EscapingTests.Show(name)}");
            }
            var expectedTags = tags.Select(t => XmlSafeText.Clean(t).Trim()).Where(t => t.Length > 0).ToList();
            if (!FrontMatterText.Sequence(map, "tags").SequenceEqual(expectedTags))
            {
                failures.Add($"tags of {EscapingTests.Show(name)}: {string.Join(" | ", FrontMatterText.Sequence(map, "tags").Select(EscapingTests.Show))}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Every_corpus_card_writes_its_date_source_and_tags()
    {
        var cards = 0;
        var failures = new List<string>();
        foreach (var entry in CorpusArticles.All().Where(e => File.ReadAllText(e.Path).Contains("su-spoiler-content", StringComparison.Ordinal)))
        {
            cards++;
            var map = FrontMatterText.Read(FrontMatterText.Yaml(entry.Markdown));
            var m = entry.Article.Metadata;
            var name = m.Id;
            if (FrontMatterText.Scalar(map, "date_source") != "info_card")
            {
                failures.Add($"{name}: date_source {FrontMatterText.Scalar(map, "date_source")}");
            }
            if (!map.ContainsKey("tags") || FrontMatterText.Sequence(map, "tags").Count == 0 || !FrontMatterText.Sequence(map, "tags").SequenceEqual(m.Tags))
            {
                failures.Add($"{name}: tags missing or not the card's");
            }
            var cardHasSource = File.ReadAllText(entry.Path).Contains("<strong>来源：</strong>", StringComparison.Ordinal);
            if (cardHasSource != map.ContainsKey("original_source") || (cardHasSource && FrontMatterText.Scalar(map, "original_source") != m.OriginalSource?.Name))
            {
                failures.Add($"{name}: original_source {(map.ContainsKey("original_source") ? FrontMatterText.Scalar(map, "original_source") : "absent")}");
            }
        }
        cards.ShouldBeGreaterThan(0);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Hugo_makes_tag_pages_and_templates_print_and_link_the_source()
    {
        var hugo = ExternalClients.RequireCommand("hugo");
        var reader = new ArchiveArticleReader();
        var fixtures = Path.Combine(TestPaths.Fixtures, "articles", "cdt");
        var articles = Directory.GetFiles(fixtures, "*.md").Order(StringComparer.Ordinal)
            .Select(f => reader.Read(ArticleInput.FromFile(f))).ToList();
        articles.Count(a => a.Metadata.OriginalSource?.Url is not null).ShouldBeGreaterThan(0, "no fixture with a linked source");
        articles.Count(a => a.Metadata.OriginalSource is { Url: null }).ShouldBeGreaterThan(0, "no fixture with an unlinked source");

        using var site = new TemporaryFolder();
        Directory.CreateDirectory(site.File("content/posts"));
        Directory.CreateDirectory(site.File("layouts/_default"));
        File.WriteAllText(site.File("hugo.toml"), """
            baseURL = "https://example.org/"
            disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
            """);
        // What a theme writes: the source as text, linked when there is a link, and the page's terms of the tags taxonomy.
        File.WriteAllText(site.File("layouts/_default/single.html"), """
            <s>{{ with .Params.original_source }}{{ with $.Params.original_source_url }}<a href="{{ . }}">{{ end }}{{ . }}{{ if $.Params.original_source_url }}</a>{{ end }}{{ end }}</s><g>{{ range .GetTerms "tags" }}[{{ .LinkTitle }}]{{ end }}</g>
            """);
        File.WriteAllText(site.File("layouts/_default/list.html"), "{{ range .Pages }}<p>{{ .Title }}</p>\n{{ end }}");
        foreach (var article in articles)
        {
            File.WriteAllText(site.File($"content/posts/{article.Metadata.Id.Replace('/', '-')}.md"), Write(article));
        }
        var result = ProcessRunner.Run(hugo, ["--quiet", "--noBuildLock", "--source", site.Path, "--destination", site.File("public"),
            "--cacheDir", site.File("cache")], timeout: TimeSpan.FromMinutes(2), workingDirectory: site.Path);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardError.Trim().ShouldBeEmpty();

        foreach (var article in articles)
        {
            var m = article.Metadata;
            var html = File.ReadAllText(site.File($"public/posts/{m.Id.Replace('/', '-')}/index.html"));
            var page = Page().Match(html);
            page.Success.ShouldBeTrue(html);
            var expectedSource = m.OriginalSource is not { } origin ? ""
                : origin.Url is null ? WebUtility.HtmlEncode(origin.Name)
                : $"<a href=\"{origin.Url}\">{WebUtility.HtmlEncode(origin.Name)}</a>";
            WebUtility.HtmlDecode(page.Groups["s"].Value).ShouldBe(WebUtility.HtmlDecode(expectedSource), m.Id);
            WebUtility.HtmlDecode(page.Groups["g"].Value).ShouldBe(string.Concat(m.Tags.Select(t => $"[{t}]")), m.Id);
            foreach (var tag in m.Tags)
            {
                // Hugo's default taxonomy: one list page per tag, listing the article.
                var tagPage = Path.Combine(site.File("public/tags"), tag.ToLowerInvariant(), "index.html");
                File.Exists(tagPage).ShouldBeTrue($"{m.Id}: no tag page for {tag}");
                File.ReadAllText(tagPage).ShouldContain($"<p>{WebUtility.HtmlEncode(m.Title)}</p>", Case.Sensitive, m.Id);
            }
        }
    }

    [GeneratedRegex("<s>(?<s>.*?)</s><g>(?<g>.*?)</g>", RegexOptions.Singleline)]
    private static partial Regex Page();
}
