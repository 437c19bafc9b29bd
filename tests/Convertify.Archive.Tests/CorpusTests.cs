using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Text;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

/// <summary>Checks over every real article of the corpus; each test collects all failures and reports them together.</summary>
public sealed class CorpusTests
{
    private static readonly string[] BoilerplateMarkers = ["获取更多RSS", "feedx", "Image caption", "图像加注文字", "visually-hidden", "CDT 档案卡", "分享 :", "的温馨提示："];
    private static readonly Regex Tag = new(@"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>", RegexOptions.CultureInvariant);
    private static readonly Regex Rfc1123 = new(@"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4}", RegexOptions.CultureInvariant);

    [Fact]
    public void Every_article_reads_into_a_clean_model()
    {
        var failures = new List<string>();
        foreach (var path in Corpus.ArticleFiles())
        {
            var rel = Corpus.Relative(path);
            var folder = rel.Split('/')[1];
            Article article;
            try
            {
                article = Reader.Read(ArticleInput.FromFile(path));
            }
            catch (Exception e)
            {
                failures.Add($"{rel}: {e.GetType().Name}: {e.Message}");
                continue;
            }
            var m = article.Metadata;
            void Check(bool ok, string what)
            {
                if (!ok)
                {
                    failures.Add($"{rel}: {what}");
                }
            }
            Check(m.Title.Length > 0 && m.Title == m.Title.Trim(), "title empty or untrimmed");
            Check(Uri.TryCreate(m.OriginalUrl, UriKind.Absolute, out _), "original URL not absolute");
            Check(m.Site.Code == folder, $"site {m.Site.Code} != folder {folder}");
            Check(m.Id == folder + "/" + Path.GetFileNameWithoutExtension(path), $"id {m.Id}");
            Check(m.Language is "zh-Hans" or "zh-Hant" or "en", $"language {m.Language}");
            Check(article.Body.Length > 0, "empty body");
            Check(m.Published.Value <= m.FeedTime.AddDays(1), $"published {m.Published.Value:O} after feed {m.FeedTime:O}");
            Check(m.Published.Value > m.FeedTime.AddDays(-400), $"published {m.Published.Value:O} long before feed {m.FeedTime:O}");
            var source = m.Published.Source;
            switch (folder)
            {
                case "voa" or "dw" or "reuters":
                    Check(source == DateSource.BodyWithZone, $"date source {source}");
                    break;
                case "nyt" or "rfi":
                    Check(source is DateSource.BodyReconciled or DateSource.BodyWithZone || (folder == "nyt" && source == DateSource.FeedTime && !File.ReadAllText(path).Contains("<time", StringComparison.Ordinal) && !File.ReadAllText(path).Contains("<div><i>", StringComparison.Ordinal)), $"date source {source}");
                    break;
                case "rfa" or "ft":
                    Check(source == DateSource.FeedTime, $"date source {source}");
                    break;
                case "cdt":
                    // The archive card's date (InfoCardTests checks it); without a card, the feed time.
                    Check(source is DateSource.InfoCard or DateSource.FeedTime, $"date source {source}");
                    break;
                case "bbc":
                    Check(m.FeedTime.Year >= 2021 ? source == DateSource.FeedTime : source is DateSource.BodyDateOnly or DateSource.FeedTime, $"date source {source}");
                    break;
            }
            var text = PlainText.Of(article.Body);
            foreach (var marker in BoilerplateMarkers)
            {
                Check(!text.Contains(marker, StringComparison.Ordinal), $"boilerplate '{marker}' in the body");
            }
            Check(!text.Split('\n').Any(l => l.Trim() == "Array"), "stray 'Array' line in the body");
            Check(!Tag.IsMatch(text), $"markup in the text: {Tag.Match(text).Value}");
            if (m.Published.RawText is { } raw)
            {
                Check(!text.Contains(raw, StringComparison.Ordinal), $"date line '{raw}' left in the body");
            }
            Check(!Rfc1123.IsMatch(text), "an RFC 1123 date line is in the body");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var figure in BlockWalker.Figures(article.Body))
            {
                var url = figure.ImageUrl;
                Check(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal), $"figure URL not absolute http(s): {url}");
                Check(!url.Contains("weserv", StringComparison.OrdinalIgnoreCase) && !url.Contains("thumbor", StringComparison.OrdinalIgnoreCase), $"proxy figure URL: {url}");
                Check(!url.StartsWith("data:", StringComparison.Ordinal), "data: figure");
                Check(seen.Add(url), $"duplicate figure {url}");
                foreach (var marker in BoilerplateMarkers)
                {
                    Check(!figure.Caption.Contains(marker, StringComparison.Ordinal) && !figure.Credit.Contains(marker, StringComparison.Ordinal), $"boilerplate '{marker}' in a caption");
                }
                Check(!figure.Caption.StartsWith("图像来源", StringComparison.Ordinal) && !figure.Credit.StartsWith("图像来源", StringComparison.Ordinal), $"credit label left in '{figure.Caption}' / '{figure.Credit}'");
            }
            foreach (var link in Links(article.Body))
            {
                Check(link.Url.StartsWith("https://", StringComparison.Ordinal) || link.Url.StartsWith("http://", StringComparison.Ordinal) || link.Url.StartsWith("mailto:", StringComparison.Ordinal), $"bad link URL {link.Url}");
            }
            foreach (var related in article.RelatedLinks)
            {
                Check(related.Url.StartsWith("http", StringComparison.Ordinal) && !related.Url.Contains("feedx", StringComparison.Ordinal), $"bad related link {related.Url}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Index_pages_are_refused_as_archive_index()
    {
        var lists = Corpus.ListFiles();
        lists.ShouldNotBeEmpty();
        foreach (var path in lists)
        {
            var e = Should.Throw<ArticleFormatException>(() => Reader.Read(ArticleInput.FromFile(path)));
            e.Problem.ShouldBe(FormatProblem.ArchiveIndex);
            e.Message.ShouldContain("is an archive index page, not an article");
        }
    }

    [Fact]
    public void Every_sentence_of_the_visible_body_survives_in_order()
    {
        var failures = new List<string>();
        var checkedSentences = 0;
        foreach (var path in Corpus.ArticleFiles())
        {
            var rel = Corpus.Relative(path);
            var raw = File.ReadAllText(path);
            var body = raw[(raw.IndexOf("\n------", StringComparison.Ordinal) + 7)..];
            var article = Reader.Read(ArticleInput.FromFile(path));
            var model = Squash(string.Join("\n", PlainText.Lines(article.Body)));
            var position = 0;
            foreach (var sentence in VisibleSentences(body))
            {
                var s = Squash(sentence);
                checkedSentences++;
                var at = model.IndexOf(s, position, StringComparison.Ordinal);
                if (at < 0)
                {
                    var anywhere = model.IndexOf(s, StringComparison.Ordinal);
                    failures.Add($"{rel}: {(anywhere < 0 ? "missing" : "out of order")}: {sentence}");
                    continue;
                }
                position = at + s.Length;
            }
        }
        checkedSentences.ShouldBeGreaterThan(2000);
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Measures_reading_speed()
    {
        var inputs = Corpus.ArticleFiles().Select(ArticleInput.FromFile).ToList();
        foreach (var input in inputs)
        {
            Reader.Read(input);
        }
        const int rounds = 5;
        var watch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var input in inputs)
            {
                Reader.Read(input);
            }
        }
        var perArticle = watch.Elapsed.TotalMilliseconds / (rounds * inputs.Count);
        var bytes = inputs.Sum(i => (long)i.Content.Length) / inputs.Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"archive reader: {perArticle:F3} ms per article (average {bytes:N0} bytes, {inputs.Count} articles × {rounds})");
        perArticle.ShouldBeGreaterThan(0);
    }

    private static readonly Regex Script = new(@"<(script|style|noscript)\b[\s\S]*?</\1>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Comment = new(@"<!--[\s\S]*?-->", RegexOptions.CultureInvariant);
    private static readonly Regex InfoCard = new(@"<div class=""su-spoiler[\s\S]*?(?=<p>)", RegexOptions.CultureInvariant);
    private static readonly Regex FeedFooter = new(@"获取更多RSS[\s\S]*$", RegexOptions.CultureInvariant);
    private static readonly Regex AppPromotion = new(@"<div[^>]*>来自[^<]{1,20}的温馨提示：[^<]*</div>", RegexOptions.CultureInvariant);
    private static readonly Regex HiddenSpan = new(@"<span class=""[^""]*(off-screen|VisuallyHidden)[^""]*"">[^<]*</span>", RegexOptions.CultureInvariant);
    private static readonly Regex AnyTag = new(@"<[^>]*>", RegexOptions.CultureInvariant);

    /// <summary>The body's visible text cut into sentences of substantial length, known boilerplate left out.</summary>
    private static IEnumerable<string> VisibleSentences(string html)
    {
        html = Script.Replace(html, " ");
        html = Comment.Replace(html, " ");
        html = InfoCard.Replace(html, " ");
        html = FeedFooter.Replace(html, " ");
        html = AppPromotion.Replace(html, " ");
        html = HiddenSpan.Replace(html, " ");
        var text = WebUtility.HtmlDecode(AnyTag.Replace(html, "\n"));
        var sentence = new StringBuilder();
        foreach (var c in text)
        {
            if (c == '\n')
            {
                foreach (var s in Emit())
                {
                    yield return s;
                }
                continue;
            }
            sentence.Append(c);
            if (c is '。' or '！' or '？' or '；')
            {
                foreach (var s in Emit())
                {
                    yield return s;
                }
            }
        }
        foreach (var s in Emit())
        {
            yield return s;
        }

        IEnumerable<string> Emit()
        {
            var s = sentence.ToString().Replace("**", "", StringComparison.Ordinal).Trim();
            sentence.Clear();
            if (TextMetrics.CountCharacters(s) >= 12 && !s.Contains("分钟前", StringComparison.Ordinal) && !s.Contains("小时前", StringComparison.Ordinal))
            {
                yield return s;
            }
        }
    }

    /// <summary>Text without whitespace (spacing is the reader's to normalise, not the test's).</summary>
    private static string Squash(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                b.Append(c);
            }
        }
        return b.ToString();
    }

    private static IEnumerable<LinkInline> Links(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var inlines = block switch
            {
                ParagraphBlock p => p.Inlines.AsEnumerable(),
                HeadingBlock h => h.Inlines,
                QuoteBlock q => [],
                _ => [],
            };
            foreach (var link in LinksIn(inlines)) yield return link;
            if (block is QuoteBlock quote) foreach (var link in Links(quote.Blocks)) yield return link;
            if (block is ListBlock list) foreach (var link in Links(list.Items.SelectMany(i => i.Blocks))) yield return link;
        }
    }

    private static IEnumerable<LinkInline> LinksIn(IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case LinkInline l:
                    yield return l;
                    foreach (var inner in LinksIn(l.Inlines)) yield return inner;
                    break;
                case StrongInline s:
                    foreach (var inner in LinksIn(s.Inlines)) yield return inner;
                    break;
                case EmphasisInline e:
                    foreach (var inner in LinksIn(e.Inlines)) yield return inner;
                    break;
            }
        }
    }
}
