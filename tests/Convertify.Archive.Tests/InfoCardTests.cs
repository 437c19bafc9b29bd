using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

/// <summary>A site's info box (CDT's "CDT 档案卡") gives the article's date, original source, authors and tags.</summary>
public sealed partial class InfoCardTests
{
    private const string CdtPath = "articles/cdt/1.md";
    private const string CdtUrl = "https://chinadigitaltimes.net/chinese/1.html";
    private const long CdtFeedMs = 1738803657000; // 2025-02-06T01:00:57Z

    /// <summary>A card of <paramref name="lines"/> (<c>&lt;strong&gt;label：&lt;/strong&gt;value</c>) in its floating wrapper.</summary>
    private static string Card(params string[] lines) =>
        "<div style=\"width:42%;float:right\"><div class=\"su-spoiler su-spoiler-style-fancy su-spoiler-closed\"><div class=\"su-spoiler-title\"><span class=\"su-spoiler-icon\"></span>CDT 档案卡</div>"
        + "<div class=\"su-spoiler-content su-u-clearfix\">" + string.Join("<br>", lines) + "</div></div></div>";

    private static Article ReadCdt(string body) => Read(body, path: CdtPath, url: CdtUrl, feedMs: CdtFeedMs);

    private static string InfoCardWarning(Article article) => article.Warnings.Single(w => w.Code == "boilerplate.info-card").Message;

    [Fact]
    public void Every_fact_of_a_full_card_is_kept_whatever_the_order_of_its_labels()
    {
        var article = ReadCdt("<p>临登港的渡轮今天停航。</p>" + Card(
            " <strong>标题：</strong>渡轮停航",
            " <strong>主题归类：</strong><a href=\"https://chinadigitaltimes.net/space/交通\">交通</a>、<a href=\"https://chinadigitaltimes.net/chinese/tag/%E6%B8%AF%E5%8F%A3/\">港口</a>、<a href=\"https://chinadigitaltimes.net/space/jiaotong\">交通</a>",
            " <strong>来源：</strong><a href=\"https://web.archive.org/web/2025/https://mp.weixin.qq.com/s/ferry\" target=\"_blank\">微信公众号“临登港观察”</a>",
            " <strong>作者：</strong><a href=\"https://chinadigitaltimes.net/space/临登港观察\">海雾</a>",
            " <strong>备份：</strong>自由微信（freewechat.example）",
            " <strong>发表日期：</strong>2025.2.3",
            " <strong>CDS收藏：</strong><a href=\"https://chinadigitaltimes.net/space/x\">公民馆</a>",
            " <strong>版权说明：</strong>该作品版权归原作者所有。") + "<p>码头上的乘客只好改乘大巴。</p>");

        var m = article.Metadata;
        m.Published.ShouldBe(new PublishedTime(new DateTimeOffset(2025, 2, 3, 0, 0, 0, TimeSpan.FromHours(8)), DateSource.InfoCard, DatePrecision.Day, "2025.2.3"));
        m.FeedTime.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(CdtFeedMs));
        m.OriginalSource.ShouldBe(new OriginalSource("微信公众号“临登港观察”", "https://web.archive.org/web/2025/https://mp.weixin.qq.com/s/ferry"));
        m.Authors.ShouldBe(["海雾"]);
        m.Tags.ShouldBe(["交通", "港口"]);
        Paragraphs(article).ShouldBe(["临登港的渡轮今天停航。", "码头上的乘客只好改乘大巴。"]);
        InfoCardWarning(article).ShouldBe("archive info card (CDT 档案卡) removed; date, source, author and 2 tags kept in the metadata");
    }

    [Fact]
    public void A_text_source_has_no_link_and_a_card_without_author_claims_none()
    {
        var article = ReadCdt(Card(
            "<strong>发表日期：</strong>2022.5.14",
            "<strong>来源：</strong> harbourcam（微信视频号）、临登港街拍（微信视频号） ",
            "<strong>主题归类：</strong><a href=\"https://chinadigitaltimes.net/chinese/tag/x\">暴雨</a>") + "<p>正文。</p>");

        article.Metadata.OriginalSource.ShouldBe(new OriginalSource("harbourcam（微信视频号）、临登港街拍（微信视频号）", null));
        article.Metadata.Authors.ShouldBeEmpty();
        article.Metadata.Tags.ShouldBe(["暴雨"]);
        InfoCardWarning(article).ShouldBe("archive info card (CDT 档案卡) removed; date, source and 1 tag kept in the metadata");
    }

    [Fact]
    public void A_text_author_is_cleaned_and_a_card_without_source_or_topics_claims_neither()
    {
        var article = ReadCdt(Card("<strong>作者：</strong>林潮、海雾（综合报道）", "<strong>发表日期：</strong>2024.10.9") + "<p>正文。</p>");

        article.Metadata.Authors.ShouldBe(["林潮", "海雾"]);
        article.Metadata.OriginalSource.ShouldBeNull();
        article.Metadata.Tags.ShouldBeEmpty();
        InfoCardWarning(article).ShouldBe("archive info card (CDT 档案卡) removed; date and 2 authors kept in the metadata");
    }

    [Fact]
    public void A_card_stating_nothing_usable_says_so_and_leaves_the_feed_time()
    {
        var article = ReadCdt(Card("<strong>标题：</strong>渡轮停航", "<strong>发表日期：</strong>不详", "<strong>版权说明：</strong>该作品版权归原作者所有。") + "<p>正文。</p>");

        article.Metadata.Published.Source.ShouldBe(DateSource.FeedTime);
        article.Metadata.OriginalSource.ShouldBeNull();
        InfoCardWarning(article).ShouldBe("archive info card (CDT 档案卡) removed; it stated nothing kept in the metadata");
        BodyText(article).ShouldNotContain("渡轮停航");
    }

    [Theory]
    [InlineData("/chinese/source.html")]
    [InlineData("javascript:void(0)")]
    [InlineData("")]
    public void A_source_link_that_is_not_absolute_http_keeps_the_name_only(string href)
    {
        var article = ReadCdt(Card($"<strong>来源：</strong><a href=\"{href}\">临登港日报</a>") + "<p>正文。</p>");
        article.Metadata.OriginalSource.ShouldBe(new OriginalSource("临登港日报", null));
    }

    [Theory]
    [InlineData("2025-02-05T10:30:00+08:00", DateSource.BodyWithZone)] // more exact, same day: the body's time
    [InlineData("2025-02-04T20:00:00Z", DateSource.BodyWithZone)]      // 2025-02-05 04:00 in China: the same day
    [InlineData("2025-02-04T10:30:00+08:00", DateSource.InfoCard)]     // another day: the card
    public void A_more_exact_body_time_on_the_cards_day_is_kept(string stamp, DateSource expected)
    {
        var article = ReadCdt($"<div><time datetime=\"{stamp}\"></time></div>" + Card("<strong>发表日期：</strong>2025.2.5") + "<p>正文。</p>");

        article.Metadata.Published.Source.ShouldBe(expected);
        article.Metadata.Published.Value.ToOffset(TimeSpan.FromHours(8)).Date.ShouldBe(new DateTime(2025, 2, 5));
        if (expected == DateSource.BodyWithZone)
        {
            article.Metadata.Published.Value.ShouldBe(DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_card_before_the_leading_time_stamp_does_not_hide_it()
    {
        var article = ReadCdt(Card("<strong>标题：</strong>临登港暴雨之后，地铁站台进水，乘客在积水中等了整整一个小时才等来列车", "<strong>发表日期：</strong>2025.2.5")
            + "<div><time datetime=\"2025-02-05T10:30:00+08:00\"></time></div><p>正文。</p>");
        article.Metadata.Published.Source.ShouldBe(DateSource.BodyWithZone);
        article.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2025, 2, 5, 10, 30, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_second_card_does_not_claim_a_date_or_source_it_did_not_give()
    {
        var article = ReadCdt(Card("<strong>发表日期：</strong>2025.2.5", "<strong>来源：</strong>临登港日报") + "<p>正文。</p>"
            + Card("<strong>发表日期：</strong>2025.1.1", "<strong>来源：</strong>海港晚报", "<strong>主题归类：</strong><a href=\"https://x.example/t\">渡轮</a>"));
        article.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2025, 2, 5, 0, 0, 0, TimeSpan.FromHours(8)));
        article.Metadata.OriginalSource!.Name.ShouldBe("临登港日报");
        article.Warnings.Where(w => w.Code == "boilerplate.info-card").Select(w => w.Message).ShouldBe([
            "archive info card (CDT 档案卡) removed; date and source kept in the metadata",
            "archive info card (CDT 档案卡) removed; 1 tag kept in the metadata"]);
    }

    [Fact]
    public void A_card_on_another_site_is_read_the_same_way()
    {
        // The sites' rules are tried on every article (the feed's layouts cross sites).
        var article = Read(Card("<strong>发表日期：</strong>2022.12.28", "<strong>主题归类：</strong><a href=\"https://x.example/t\">渡轮</a>") + "<p>正文。</p>");
        article.Metadata.Published.Source.ShouldBe(DateSource.InfoCard);
        article.Metadata.Tags.ShouldBe(["渡轮"]);
    }

    [Fact]
    public void Every_corpus_card_gives_its_date_source_authors_and_tags()
    {
        var cards = 0;
        var failures = new List<string>();
        foreach (var path in Corpus.ArticleFiles())
        {
            var raw = File.ReadAllText(path);
            var content = CardContent().Match(raw);
            if (!content.Success)
            {
                continue;
            }
            cards++;
            var card = Lines(content.Groups[1].Value);
            var article = Reader.Read(ArticleInput.FromFile(path));
            var m = article.Metadata;
            var rel = Corpus.Relative(path);
            void Check(bool ok, string what)
            {
                if (!ok)
                {
                    failures.Add($"{rel}: {what}");
                }
            }

            var stated = DateTime.ParseExact(Text(card["发表日期"]), "yyyy.M.d", CultureInfo.InvariantCulture);
            var agreeingBodyTime = m.Published.Source is DateSource.BodyWithZone or DateSource.BodyReconciled && m.Published.Precision > DatePrecision.Day;
            Check(m.Published.Source == DateSource.InfoCard || agreeingBodyTime, $"date source {m.Published.Source}");
            Check(m.Published.Value.ToOffset(TimeSpan.FromHours(8)).Date == stated, $"published {m.Published.Value:O}, card {stated:yyyy-MM-dd}");
            Check(m.FeedTime == DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(FeedStamp().Match(raw).Groups[1].Value, CultureInfo.InvariantCulture)), "feed time changed");

            var warning = article.Warnings.SingleOrDefault(w => w.Code == "boilerplate.info-card")?.Message ?? "";
            Check(warning.Contains("date", StringComparison.Ordinal), $"warning does not name the date: {warning}");
            if (card.TryGetValue("来源", out var source))
            {
                Check(m.OriginalSource?.Name == Text(source), $"source {m.OriginalSource}, card '{Text(source)}'");
                var hrefs = Href().Matches(source).Select(h => WebUtility.HtmlDecode(h.Groups[1].Value)).ToList();
                if (hrefs.Count == 1 && hrefs[0].StartsWith("http", StringComparison.Ordinal))
                {
                    Check(m.OriginalSource?.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u == new Uri(hrefs[0]), $"source URL {m.OriginalSource?.Url}, card {hrefs[0]}");
                }
            }
            else
            {
                Check(m.OriginalSource is null, $"source {m.OriginalSource} from a card without one");
            }
            Check(warning.Contains("source", StringComparison.Ordinal) == (m.OriginalSource is not null), $"warning and source disagree: {warning}");

            if (card.TryGetValue("作者", out var author))
            {
                Check(m.Authors.Contains(Text(author)), $"authors [{string.Join(", ", m.Authors)}], card '{Text(author)}'");
            }
            Check(warning.Contains("author", StringComparison.Ordinal) == card.ContainsKey("作者"), $"warning and author disagree: {warning}");

            var topics = LinkText().Matches(card.GetValueOrDefault("主题归类", "")).Select(t => Text(t.Groups[1].Value)).Distinct().ToList();
            Check(topics.Count > 0 && m.Tags.SequenceEqual(topics), $"tags [{string.Join(", ", m.Tags)}], card [{string.Join(", ", topics)}]");
            Check(warning.Contains(topics.Count == 1 ? "1 tag" : $"{topics.Count} tags", StringComparison.Ordinal), $"warning does not count the tags: {warning}");
        }
        cards.ShouldBeGreaterThan(0, "no CDT card in the corpus");
        failures.ShouldBeEmpty();
    }

    /// <summary>The card's lines, label → value markup.</summary>
    private static Dictionary<string, string> Lines(string content) =>
        LabelledLine().Matches(content).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value, StringComparer.Ordinal);

    private static string Text(string markup) => WebUtility.HtmlDecode(Regex.Replace(markup, "<[^>]*>", "")).Trim();

    [GeneratedRegex(@"class=""su-spoiler-content[^""]*"">([\s\S]*?)</div>")]
    private static partial Regex CardContent();

    [GeneratedRegex(@"<strong>([^<：]+)：</strong>([\s\S]*?)(?=<br>|<strong>|$)")]
    private static partial Regex LabelledLine();

    [GeneratedRegex(@"<a [^>]*>([\s\S]*?)</a>")]
    private static partial Regex LinkText();

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"^<!--(\d+)-->")]
    private static partial Regex FeedStamp();
}
