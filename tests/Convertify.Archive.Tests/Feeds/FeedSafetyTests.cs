using System.Diagnostics;
using System.Text;
using Convertify.Archive.Feeds;
using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using static Convertify.Archive.Tests.Feeds.FeedInput;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>DTDs, malformed XML, the size cap, inputs that are not feeds, and one-article reads.</summary>
public sealed class FeedSafetyTests
{
    [Fact]
    public void A_DTD_is_refused_without_expanding_an_entity()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var input = ArticleInput.FromFile(FixturePath("dtd.xml"));
        var e = Should.Throw<ArticleFormatException>(() => Reader.ReadAll(input).ToList());
        watch.Stop();
        e.Problem.ShouldBe(FormatProblem.Malformed);
        e.Message.ShouldContain("DTD");
        e.Message.ShouldContain("line 2");
        e.Message.ShouldNotContain("\n");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(4L * 1024 * 1024); // a billion laughs would be gigabytes
    }

    [Fact]
    public void Malformed_xml_yields_the_items_before_the_fault_then_fails_with_its_line()
    {
        var articles = new List<string>();
        var e = Should.Throw<ArticleFormatException>(() =>
        {
            foreach (var article in Reader.ReadAll(ArticleInput.FromFile(FixturePath("malformed.xml"))))
            {
                articles.Add(article.Metadata.Title);
            }
        });
        articles.ShouldBe(["First good item", "Second good item"]);
        e.Problem.ShouldBe(FormatProblem.Malformed);
        e.Message.ShouldStartWith(FixturePath("malformed.xml") + ": malformed XML at line 21, column ");
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Reading_is_lazy()
    {
        var items = Reader.ReadAll(ArticleInput.FromString("bad.xml", "<rss><channel><item><title>x</title></item><item>&broken;</item>"));
        using var enumerator = items.GetEnumerator();
        enumerator.MoveNext().ShouldBeTrue();
        enumerator.Current.Metadata.Title.ShouldBe("x");
        Should.Throw<ArticleFormatException>(() => enumerator.MoveNext()).Problem.ShouldBe(FormatProblem.Malformed);
    }

    [Fact]
    public void Junk_after_the_root_is_still_malformed()
    {
        var items = Reader.ReadAll(ArticleInput.FromString("junk.xml", Rss(Item("A", "https://e.org/a")) + "<rss/>"));
        Should.Throw<ArticleFormatException>(() => items.ToList()).Problem.ShouldBe(FormatProblem.Malformed);
    }

    [Fact]
    public void A_feed_over_the_size_cap_is_too_large()
    {
        var reader = new FeedArticleReader(new FeedReaderOptions { MaxFeedBytes = 100 });
        var input = ArticleInput.FromString("big.xml", Rss(Item("A", "https://e.org/a")));
        var e = Should.Throw<ArticleFormatException>(() => reader.ReadAll(input));
        e.Problem.ShouldBe(FormatProblem.TooLarge);
        Should.Throw<ArticleFormatException>(() => reader.Read(input)).Problem.ShouldBe(FormatProblem.TooLarge);
        FeedReaderOptions.Default.MaxFeedBytes.ShouldBe(ArticleInput.MaxBytes);
    }

    [Theory]
    [InlineData("<html><body/></html>", "not an RSS, Atom or RDF feed (root <html>)")]
    [InlineData("<feed><entry/></feed>", "not an RSS, Atom or RDF feed (root <feed>)")]
    public void A_root_that_is_not_a_feed_is_an_invalid_header(string xml, string message)
    {
        var e = Should.Throw<ArticleFormatException>(() => Reader.ReadAll(ArticleInput.FromString("x.xml", xml)).ToList());
        e.Problem.ShouldBe(FormatProblem.InvalidHeader);
        e.Message.ShouldBe("x.xml: " + message);
    }

    [Fact]
    public void Read_returns_the_one_item_and_refuses_none_or_several()
    {
        Reader.Read(ArticleInput.FromString("one.xml", Rss(Item("Only", "https://e.org/only")))).Metadata.Title.ShouldBe("Only");
        var none = Should.Throw<ArticleFormatException>(() => Reader.Read(ArticleInput.FromString("none.xml", Rss(""))));
        none.Problem.ShouldBe(FormatProblem.Empty);
        none.Message.ShouldBe("none.xml: the feed holds no items");
        var many = Should.Throw<ArticleFormatException>(() => Reader.Read(ArticleInput.FromFile(FixturePath("rss2.xml"))));
        many.Problem.ShouldBe(FormatProblem.LimitExceeded);
        many.Message.ShouldEndWith("the feed holds 4 items; read them with ReadAll");
    }

    [Fact]
    public void AddFeedReader_registers_a_sniffing_reader()
    {
        var converter = new ConverterBuilder().AddArchiveReader().AddFeedReader().Build();
        var input = ArticleInput.FromFile(FixturePath("atom.xml"));
        converter.Registry.DetectReader(input.Content.Span).ShouldBeOfType<FeedArticleReader>();
        converter.ReadAll(input).Count().ShouldBe(3);
        converter.Registry.GetReader("rss").ShouldBeOfType<FeedArticleReader>();
    }

    [Fact]
    public void Determinism_two_reads_are_equal_as_json()
    {
        foreach (var name in new[] { "rss2.xml", "atom.xml", "rdf.xml", "voa.xml" })
        {
            var first = Fixture(name).Select(FeedInput.Json).ToList();
            var second = Fixture(name).Select(FeedInput.Json).ToList();
            second.ShouldBe(first);
        }
    }

    [Fact]
    public void A_non_utf8_declared_encoding_is_decoded()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Rss(Item("Caf\u00e9", "https://e.org/cafe"))["<?xml version=\"1.0\" encoding=\"UTF-8\"?>".Length..];
        var a = Reader.ReadAll(new ArticleInput("latin1.xml", Encoding.Latin1.GetBytes(xml))).Single();
        a.Metadata.Title.ShouldBe("Caf\u00e9");
    }
}
