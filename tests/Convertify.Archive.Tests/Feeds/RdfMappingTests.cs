using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;
using static Convertify.Archive.Tests.Feeds.FeedInput;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>fixtures/feeds/rdf.xml (RSS 1.0) and fixtures/feeds/voa.xml (a feed of a known archive site).</summary>
public sealed class RdfMappingTests
{
    [Fact]
    public void Rss_1_0_with_dc_date_creator_subject_and_content_encoded()
    {
        var a = Fixture("rdf.xml").ShouldHaveSingleItem();
        a.Metadata.Title.ShouldBe("New crane on the quay");
        a.Metadata.OriginalUrl.ShouldBe("https://quay.example.com/2024/crane");
        a.Metadata.Site.Code.ShouldBe("quay.example.com");
        a.Metadata.Id.ShouldBe("quay.example.com/crane");
        a.Metadata.Published.ShouldBe(new PublishedTime(new DateTimeOffset(2024, 2, 14, 7, 45, 30, TimeSpan.FromHours(1)), DateSource.FeedItem, DatePrecision.Second, "2024-02-14T07:45:30+01:00"));
        a.Metadata.Authors.ShouldBe(["Pia Sund"]);
        a.Metadata.Tags.ShouldBe(["Port"]);
        Paragraphs(a).ShouldBe(["A new crane arrived on Wednesday.", "It lifts [forty tonnes](https://quay.example.com/2024/tonnage)."]);
    }

    [Fact]
    public void A_feed_of_a_known_site_gets_its_site_and_the_archive_normalisation()
    {
        var a = Fixture("voa.xml").ShouldHaveSingleItem();
        a.Metadata.Site.Code.ShouldBe("voa");
        a.Metadata.Site.DisplayName.ShouldBe("美国之音");
        a.Metadata.Id.ShouldBe("voa/6890001");
        a.Metadata.Published.Source.ShouldBe(DateSource.FeedItem);
        a.Metadata.Language.ShouldBe("zh-Hans");
        var figure = a.Body[0].ShouldBeOfType<FigureBlock>();
        figure.ImageUrl.ShouldBe("https://gdb.voanews.com/0a1b2c3d-ferry_r1_s_w900.jpg");
        figure.Caption.ShouldBe("资料照：临登港老码头上等候渡轮的乘客。");
        Paragraphs(a)[0].ShouldStartWith("临登港 — 临登港市议会星期四");
        BodyText(a).ShouldNotContain("feedx");
        BodyText(a).ShouldNotContain("15:59:01");
        HasWarning(a, "boilerplate.feed-footer").ShouldBeTrue();
        a.RelatedLinks.ShouldBe([new RelatedLink("https://www.voachinese.com/a/lindenport-roads/6880001.html", null)]);
    }
}
