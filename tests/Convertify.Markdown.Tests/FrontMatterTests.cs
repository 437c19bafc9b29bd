using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Text;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

public sealed class FrontMatterTests
{
    public static readonly string[] NastyTitles =
    [
        "普通标题", "key: value", "title: injected\nsource: evil", "a #comment", "#leading hash", "\"double\" quotes", "'single' quotes",
        "- leading dash", "-", "=", "[a, b]", "{a: b}", "*alias", "&anchor", "!tag", "%directive", "|", ">", "? question", "@at", "`tick",
        "yes", "no", "on", "off", "y", "n", "Y", "N", "null", "Null", "~", "true", "True", "FALSE", "<<",
        "1.20", "1e3", "0x1F", "012", "0o17", "0b101", "1_000", "+1", "-1", ".inf", "-.inf", ".NaN", "1:20", "190:20:30",
        "2021-01-01", "2021-01-01 10:00:00", "2021-01-01T10:00:00Z",
        "line\nbreak", "tab\there", "---", "...", "--- x", "... y", "back\\slash \\n", "\r\nCRLF", "crlf\r\nmiddle",
        "next line \u0085 here", "line sep \u2028 para sep \u2029", "\uFEFFbom", "del \u007F c1 \u0080 \u009F", "ctrl \u0001\u001B",
        "lone \uD800 surrogate \uDC00", "RTL שלום عربي", "emoji 😀👍🏽 𠀀", "", " leading space", "trailing space ", "  ",
        "全角：冒号　空格", "中文标题，含“引号”与「括号」？！", new string('长', 300) + " with spaces " + new string('x', 200),
    ];

    [Fact]
    public void YamlDotNetReadsBackEveryNastyString()
    {
        var failures = new List<string>();
        foreach (var title in NastyTitles)
        {
            var article = Create([P("正文")], title: title, authors: [title, "第二作者"], description: title);
            var markdown = Write(article);
            Dictionary<string, YamlDotNet.RepresentationModel.YamlNode> map;
            try
            {
                map = FrontMatterText.Read(FrontMatterText.Yaml(markdown));
            }
            catch (Exception e)
            {
                failures.Add($"{EscapingTests.Show(title)}: {e.Message}\n{markdown}");
                continue;
            }
            var expected = XmlSafeText.Clean(title);
            if (FrontMatterText.Scalar(map, "title") != expected)
            {
                failures.Add($"title {EscapingTests.Show(title)} -> {EscapingTests.Show(FrontMatterText.Scalar(map, "title"))}");
            }
            if (title.Trim().Length > 0 && FrontMatterText.Scalar(map, "description") != expected)
            {
                failures.Add($"description {EscapingTests.Show(title)}");
            }
            string[] keys = ["title", "date", "description", "categories", "author", "authors", "source", "site", "original_url", "feed_time", "date_source", "lang", "isCJKLanguage", "id"];
            var expectedKeys = keys.Where(k => k != "description" || title.Trim().Length > 0).ToHashSet();
            if (!map.Keys.ToHashSet().SetEquals(expectedKeys))
            {
                failures.Add($"keys of {EscapingTests.Show(title)}: {string.Join(",", map.Keys)}");
            }
        }
        failures.ShouldBeEmpty();
    }

    // Everything YAML gives meaning to, CJK, full-width forms, the edges of the range written without the emitter, and
    // characters only the emitter escapes (tab, NEL, NBSP, the separators, a BOM, astral characters).
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "  ", "\"", "\\", "'", "#", ":", ": ", "- ", "-", "?", "!", "&", "*", "|", ">", "%", "@", "`", "{", "}", "[", "]",
        ",", "~", "no", "yes", "1.20", "2021-01-01", "---", "...", "中", "文", "，", "“", "”", "　", "：", "\u00A1", "\u00FF", "\u2027",
        "\u202A", "\uD7FF", "\uE000", "\uFFFD", "é", "Ω", "\t", "\u0085", "\u00A0", "\u2028", "\uFEFF", "😀", "𠀀",
    ];

    [Fact]
    public void YamlDotNetReadsBackRandomMixtures()
    {
        var random = new Random(424242);
        for (var n = 0; n < 1000; n++)
        {
            var title = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var author = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var markdown = Write(Create([P("正文")], title: title, authors: [author, "第二作者"]));
            var map = FrontMatterText.Read(FrontMatterText.Yaml(markdown));
            FrontMatterText.Scalar(map, "title").ShouldBe(XmlSafeText.Clean(title), markdown);
            var name = XmlSafeText.Clean(author).Trim();
            if (name.Length > 0)
            {
                FrontMatterText.Scalar(map, "author").ShouldBe(name, markdown);
            }
        }
    }

    [Fact]
    public void FrontMatterHasTheDocumentedShape()
    {
        var article = Create([P("正文")], title: "标题: 测试", authors: ["张三", "李四"], leadImage: "https://example.com/a.jpg", description: "摘要。");
        var markdown = Write(article);
        markdown.ShouldBe("""
            ---
            title: "标题: 测试"
            date: 2022-12-29T15:59:01+08:00
            description: "摘要。"
            images:
            - "https://example.com/a.jpg"
            categories:
            - "美国之音"
            author: "张三"
            authors:
            - "张三"
            - "李四"
            source: "美国之音"
            site: "voa"
            original_url: "https://www.example.com/a/1000001.html"
            feed_time: 2022-12-29T08:00:00Z
            date_source: "body_with_zone"
            lang: "zh-Hans"
            isCJKLanguage: true
            id: "voa/1000001"
            ---

            正文

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void NonChineseArticlesAreNotMarkedCjkAndAuthorsAreOmittedWhenUnknown()
    {
        var map = FrontMatterText.Read(FrontMatterText.Yaml(Write(Create([P("Body.")], title: "Title", language: "en"))));
        map.ContainsKey("isCJKLanguage").ShouldBeFalse();
        map.ContainsKey("author").ShouldBeFalse();
        map.ContainsKey("authors").ShouldBeFalse();
        FrontMatterText.Scalar(map, "lang").ShouldBe("en");
    }

    [Theory]
    [InlineData(0, 0, "2022-12-29T15:59:01Z")]
    [InlineData(8, 0, "2022-12-29T15:59:01+08:00")]
    [InlineData(-5, -30, "2022-12-29T15:59:01-05:30")]
    public void DatesAreRfc3339WithOffset(int hours, int minutes, string expected)
    {
        var time = new DateTimeOffset(2022, 12, 29, 15, 59, 1, new TimeSpan(hours, minutes, 0));
        var map = FrontMatterText.Read(FrontMatterText.Yaml(Write(Create([], published: time))));
        FrontMatterText.Scalar(map, "date").ShouldBe(expected);
        DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).ShouldBe(time);
    }

    [Fact]
    public void FractionalSecondsAreKept()
    {
        var time = new DateTimeOffset(2025, 2, 15, 8, 3, 55, 243, TimeSpan.Zero);
        var map = FrontMatterText.Read(FrontMatterText.Yaml(Write(Create([], published: time))));
        FrontMatterText.Scalar(map, "date").ShouldBe("2025-02-15T08:03:55.243Z");
    }

    [Fact]
    public void PyYamlReadsBackEveryNastyString()
    {
        ExternalClients.RequirePythonModules("yaml");
        var inputs = new JsonArray();
        foreach (var title in NastyTitles)
        {
            inputs.Add(FrontMatterText.Yaml(Write(Create([P("正文")], title: title, authors: [title], description: title))));
        }
        var results = PyYaml.Load(inputs);
        var failures = new List<string>();
        for (var i = 0; i < NastyTitles.Length; i++)
        {
            var result = results[i]!.AsObject();
            if (result["error"] is { } error)
            {
                failures.Add($"{EscapingTests.Show(NastyTitles[i])}: {error}");
                continue;
            }
            var expected = XmlSafeText.Clean(NastyTitles[i]);
            var title = result["title"]!.GetValue<string>();
            if (title != expected)
            {
                failures.Add($"{EscapingTests.Show(NastyTitles[i])} -> {EscapingTests.Show(title)}");
            }
            if (expected.Trim().Length > 0 && result["author"]?.GetValue<string>() != expected.Trim())
            {
                failures.Add($"author {EscapingTests.Show(NastyTitles[i])}");
            }
            if (result["date"]!.GetValue<string>() != "datetime:2022-12-29T15:59:01+08:00")
            {
                failures.Add($"date {result["date"]}");
            }
        }
        failures.ShouldBeEmpty();
    }
}
