using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;
using static Convertify.Archive.Tests.Feeds.FeedInput;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>fixtures/feeds/rss2.xml: CDATA and entity-escaped bodies, xml:base, enclosures, media:content, zones, a missing date.</summary>
public sealed class RssMappingTests
{
    private readonly List<Article> _items = Fixture("rss2.xml");

    [Fact]
    public void Every_item_in_document_order()
    {
        _items.Select(a => a.Metadata.Title).ShouldBe(["Ferry & Pier: council votes \"yes\"", "Library opens late on Thursdays", "Tide tables for spring", "A note without a date"]);
    }

    [Fact]
    public void A_CDATA_body_with_a_figure_and_links_resolved_against_xml_base()
    {
        var a = _items[0];
        a.Metadata.OriginalUrl.ShouldBe("https://www.example.org/ledger/2024/ferry-vote.html");
        a.Metadata.Site.Code.ShouldBe("example.org");
        a.Metadata.Id.ShouldBe("example.org/ferry-vote");
        a.Metadata.SourcePath.ShouldBe(FixturePath("rss2.xml") + "#ferry-vote");
        a.Metadata.Authors.ShouldBe(["Mara Quill"]);
        a.Metadata.Tags.ShouldBe(["Transport", "Council"]);
        a.Metadata.Published.ShouldBe(new PublishedTime(new DateTimeOffset(2024, 3, 5, 9, 30, 0, TimeSpan.Zero), DateSource.FeedItem, DatePrecision.Second, "Tue, 05 Mar 2024 09:30:00 GMT"));
        a.Metadata.FeedTime.ShouldBe(a.Metadata.Published.Value);
        a.Body.Length.ShouldBe(3);
        Render(((ParagraphBlock)a.Body[0]).Inlines).ShouldBe("The council voted **seven to two** for the ferry plan.");
        a.Body[1].ShouldBe(new FigureBlock("https://news.example.org/img/ferry.jpg", "The ferry", "The old ferry at dawn.", ""));
        Render(((ParagraphBlock)a.Body[2]).Inlines).ShouldBe("Read [the budget](https://news.example.org/ledger/2024/budget.html).");
        a.Metadata.LeadImage.ShouldBe("https://news.example.org/img/ferry.jpg");
        a.Metadata.Language.ShouldBe("en");
    }

    [Fact]
    public void An_entity_escaped_body_a_relative_link_and_an_image_enclosure()
    {
        var a = _items[1];
        a.Metadata.OriginalUrl.ShouldBe("https://news.example.org/ledger/2024/library-hours.html");
        a.Metadata.Id.ShouldBe("example.org/ledger-item-2");
        a.Metadata.Authors.ShouldBe(["Ida Fenn"]);
        a.Metadata.Tags.ShouldBe(["Culture"]);
        a.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2024, 3, 6, 18, 5, 0, TimeSpan.FromHours(-5)));
        a.Metadata.Published.Precision.ShouldBe(DatePrecision.Minute);
        a.Body[0].ShouldBe(new FigureBlock("https://news.example.org/img/library.png", "", "", ""));
        Paragraphs(a).ShouldBe(["The library will stay open until _nine_ on Thursdays.", "Staff asked for the change."]);
        a.Metadata.LeadImage.ShouldBe("https://news.example.org/img/library.png");
    }

    [Fact]
    public void Media_content_gives_the_lead_figure_and_an_offset_zone_is_kept()
    {
        var a = _items[2];
        a.Body[0].ShouldBe(new FigureBlock("https://cdn.example.org/tides.jpg", "", "", ""));
        a.Metadata.Published.Value.Offset.ShouldBe(new TimeSpan(1, 30, 0));
        a.Metadata.Id.ShouldBe("example.org/tides");
    }

    [Fact]
    public void No_date_is_unknown_at_the_epoch_with_a_warning()
    {
        var a = _items[3];
        a.Metadata.Published.Source.ShouldBe(DateSource.Unknown);
        a.Metadata.Published.Value.ShouldBe(DateTimeOffset.UnixEpoch);
        a.Metadata.FeedTime.ShouldBe(DateTimeOffset.UnixEpoch);
        HasWarning(a, "feed.date-missing").ShouldBeTrue();
        Paragraphs(a).ShouldBe(["Nobody said when this was written."]);
    }

    [Fact]
    public void An_email_author_gives_the_name_in_parentheses()
    {
        var items = ReadAll(Rss("<item><title>A</title><link>https://e.org/a</link><author>x@y.org (Lee Park)</author><description>x</description></item>"
            + "<item><title>B</title><link>https://e.org/b</link><author>Ana Roe &lt;ana@y.org&gt;</author><description>x</description></item>"
            + "<item><title>C</title><link>https://e.org/c</link><author>only@y.org</author><description>x</description></item>"));
        items.Select(a => a.Metadata.Authors.Single()).ShouldBe(["Lee Park", "Ana Roe", "only@y.org"]);
    }
}
