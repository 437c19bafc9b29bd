using System.Text;
using static Convertify.Archive.Tests.Feeds.FeedInput;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>Which inputs the feed reader claims by their content.</summary>
public sealed class FeedSniffTests
{
    [Theory]
    [InlineData("rss2.xml")]
    [InlineData("atom.xml")]
    [InlineData("rdf.xml")]
    [InlineData("voa.xml")]
    [InlineData("dtd.xml")]
    public void The_fixture_feeds_are_claimed(string name)
    {
        Reader.Sniffs(File.ReadAllBytes(FixturePath(name))).ShouldBeTrue();
    }

    [Theory]
    [InlineData("<rss version=\"2.0\"><channel/></rss>")]
    [InlineData("\uFEFF<?xml version=\"1.0\"?>\n<!-- a comment -->\n<?xml-stylesheet href=\"a.xsl\"?>\n  <rss>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\">")]
    [InlineData("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">")]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">")]
    public void Feed_roots_after_a_prolog(string text)
    {
        Reader.Sniffs(Encoding.UTF8.GetBytes(text)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("<!--1672331948000-->\n[Title](https://www.voachinese.com/a/1.html)\n------\n\n<p>body</p>\n")]
    [InlineData("<!DOCTYPE html><html><head><title>x</title></head><body><p>rss</p></body></html>")]
    [InlineData("{\"rss\": \"<rss>\"}")]
    [InlineData("<feed><entry/></feed>")]
    [InlineData("<rssfeed/>")]
    [InlineData("---\ntitle: x\n---\n<rss>")]
    [InlineData("")]
    public void Other_inputs_are_not(string text)
    {
        Reader.Sniffs(Encoding.UTF8.GetBytes(text)).ShouldBeFalse();
    }

    [Fact]
    public void Only_the_first_kilobytes_are_looked_at()
    {
        var padded = "<?xml version=\"1.0\"?><!--" + new string('x', 20_000) + "--><rss>";
        Reader.Sniffs(Encoding.UTF8.GetBytes(padded)).ShouldBeFalse();
    }

    [Fact]
    public void The_format_names_its_extensions()
    {
        Reader.Format.Name.ShouldBe("rss");
        Reader.Format.Extensions.ShouldBe([".xml", ".rss", ".atom"]);
        Reader.ReadsMany.ShouldBeTrue();
        Reader.SniffDescription.ShouldContain("<rdf:RDF>");
    }
}
