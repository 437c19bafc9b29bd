using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;
using static Convertify.Archive.Tests.Feeds.FeedInput;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>fixtures/feeds/atom.xml: html, xhtml and text content, xml:base on the feed and an entry, a feed-level author.</summary>
public sealed class AtomMappingTests
{
    private readonly List<Article> _entries = Fixture("atom.xml");

    [Fact]
    public void Html_content_an_html_title_and_a_uuid_identity()
    {
        var a = _entries[0];
        a.Metadata.Title.ShouldBe("Gulls return to the breakwater");
        a.Metadata.OriginalUrl.ShouldBe("https://blog.example.net/notes/gulls");
        a.Metadata.Id.ShouldBe("blog.example.net/1225c695-cfb8-4ebb-aaaa-80da344efa6a");
        a.Metadata.Published.ShouldBe(new PublishedTime(new DateTimeOffset(2024, 4, 1, 8, 15, 0, TimeSpan.FromHours(2)), DateSource.FeedItem, DatePrecision.Second, "2024-04-01T08:15:00+02:00"));
        a.Metadata.Authors.ShouldBe(["Oskar Brandt"]); // the feed's, the entry names none
        a.Metadata.Tags.ShouldBe(["Birds", "harbour"]);
        a.Body[0].ShouldBe(new FigureBlock("https://blog.example.net/media/gulls.jpg", "", "", ""));
        Paragraphs(a).ShouldBe(["The gulls came back on Monday. See [the map](https://blog.example.net/notes/map)."]);
    }

    [Fact]
    public void Xhtml_content_under_the_entry_xml_base_and_updated_when_not_published()
    {
        var a = _entries[1];
        a.Metadata.OriginalUrl.ShouldBe("https://mirror.example.net/archive/log-2024-03");
        a.Metadata.Authors.ShouldBe(["Rhea Lund"]);
        a.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2024, 3, 30, 21, 40, 12, 250, TimeSpan.Zero));
        a.Metadata.Published.Precision.ShouldBe(DatePrecision.Millisecond);
        Paragraphs(a)[0].ShouldBe("The lamp was **cleaned**.");
        BlockWalker.Figures(a.Body).Single().ImageUrl.ShouldBe("https://mirror.example.net/archive/lamp.jpg");
        a.Metadata.Id.ShouldBe("blog.example.net/tag-example-net-2024-log-2024-03");
    }

    [Fact]
    public void Text_content_is_escaped_into_paragraphs_and_a_bare_date_is_a_day()
    {
        var a = _entries[2];
        Paragraphs(a).ShouldBe(["First line <not a tag>.", "Second paragraph."]);
        a.Metadata.Published.Precision.ShouldBe(DatePrecision.Day);
        a.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2024, 3, 29, 0, 0, 0, TimeSpan.Zero));
        a.Metadata.Id.ShouldBe("blog.example.net/plain");
    }

    [Fact]
    public void Out_of_line_content_falls_back_to_the_summary_and_feed_authors_yield_to_the_entry()
    {
        var a = ReadAll("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><link href="https://notes.example.com/"/><author><name>Feed Author</name></author>
            <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>xhtml</b>
              title</div></title><id>https://notes.example.com/e/1</id><updated>2024-01-01T00:00:00Z</updated>
            <author><name>Entry Author</name></author>
            <content src="https://notes.example.com/e/1.pdf" type="application/pdf"/><summary type="html">&lt;p&gt;The summary.&lt;/p&gt;</summary></entry></feed>
            """).Single();
        a.Metadata.Title.ShouldBe("An xhtml title");
        a.Metadata.Authors.ShouldBe(["Entry Author"]);
        Paragraphs(a).ShouldBe(["The summary."]);
        a.Metadata.OriginalUrl.ShouldBe("");
        HasWarning(a, "feed.link-missing").ShouldBeTrue();
        a.Metadata.Id.ShouldBe("notes.example.com/1");
    }
}
