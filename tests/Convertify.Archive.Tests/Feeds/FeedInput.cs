using System.Text;
using Convertify.Archive.Feeds;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>Reads the feeds under <c>fixtures/feeds</c> and small feeds built in memory.</summary>
internal static class FeedInput
{
    public static readonly FeedArticleReader Reader = new();

    public static string FixturePath(string name) => Path.Combine(TestPaths.Fixtures, "feeds", name);

    public static List<Article> Fixture(string name) => [.. Reader.ReadAll(ArticleInput.FromFile(FixturePath(name)))];

    public static List<Article> ReadAll(string xml, string path = "feed.xml") => [.. Reader.ReadAll(ArticleInput.FromString(path, xml))];

    /// <summary>An RSS 2.0 feed around the given item elements.</summary>
    public static string Rss(string items, string channelLink = "https://www.example.org/") =>
        $"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>{channelLink}</link>{items}</channel></rss>""";

    public static string Item(string title, string link, string? guid = null, string body = "<p>Words.</p>") =>
        $"<item><title>{title}</title><link>{link}</link>{(guid is null ? "" : $"<guid>{guid}</guid>")}<description><![CDATA[{body}]]></description></item>";

    public static string Json(Article article)
    {
        using var stream = new MemoryStream();
        Convertify.Json.ArticleJsonWriter.Write(article, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The JSON of the body blocks alone (the last member the writer writes).</summary>
    public static string BodyJson(Article article)
    {
        var json = Json(article);
        return json[json.IndexOf("\"body\":", StringComparison.Ordinal)..];
    }
}
