using System.Net;
using System.Text;
using Convertify.Archive.Header;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using static Convertify.Archive.Tests.Feeds.FeedInput;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>
/// Every corpus article's body wrapped in an RSS item (CDATA) with its title and link reads into the same blocks as the
/// archive reader makes of the article: the feed reader uses the same normalisation.
/// </summary>
public sealed class FeedCorpusTests
{
    [Fact]
    public void Every_corpus_body_reads_as_the_archive_reads_it()
    {
        var failures = new List<string>();
        var files = Corpus.ArticleFiles();
        var items = new StringBuilder();
        var expected = new List<(string Path, Article Article)>();
        foreach (var path in files)
        {
            var input = ArticleInput.FromFile(path);
            Article archived;
            try
            {
                archived = ArchiveInput.Reader.Read(input);
            }
            catch (Errors.ArticleFormatException)
            {
                continue; // the corpus tests cover articles the archive reader refuses
            }
            var header = ArticleHeaderParser.Parse(path, input.Content.Span);
            items.Append("<item><title>").Append(WebUtility.HtmlEncode(header.Title)).Append("</title><link>").Append(WebUtility.HtmlEncode(header.Url))
                .Append("</link><description><![CDATA[").Append(header.BodyHtml.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("]]></description></item>\n");
            expected.Add((Corpus.Relative(path), archived));
        }
        var feed = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>corpus</title>\n{items}</channel></rss>";
        var read = Reader.ReadAll(ArticleInput.FromString("corpus.xml", feed)).ToList();
        read.Count.ShouldBe(expected.Count);
        for (var i = 0; i < read.Count; i++)
        {
            var (rel, archived) = expected[i];
            var fromFeed = read[i];
            if (BodyJson(fromFeed) != BodyJson(archived))
            {
                failures.Add($"{rel}: the blocks differ");
            }
            if (!fromFeed.RelatedLinks.SequenceEqual(archived.RelatedLinks))
            {
                failures.Add($"{rel}: the related links differ");
            }
            if (fromFeed.Metadata.Title != archived.Metadata.Title)
            {
                failures.Add($"{rel}: title '{fromFeed.Metadata.Title}' != '{archived.Metadata.Title}'");
            }
            if (fromFeed.Metadata.Site.Code != archived.Metadata.Site.Code && archived.Metadata.Site.Code != "unknown")
            {
                failures.Add($"{rel}: site {fromFeed.Metadata.Site.Code} != {archived.Metadata.Site.Code}");
            }
            if (fromFeed.Metadata.Language != archived.Metadata.Language)
            {
                failures.Add($"{rel}: language {fromFeed.Metadata.Language} != {archived.Metadata.Language}");
            }
        }
        expected.Count.ShouldBeGreaterThan(50);
        failures.ShouldBeEmpty();
    }
}
