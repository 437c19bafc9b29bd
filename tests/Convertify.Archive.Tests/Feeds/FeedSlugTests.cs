using Convertify.Archive.Feeds;
using static Convertify.Archive.Tests.Feeds.FeedInput;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>Item identity: slugs, ids, source paths and repeated slugs.</summary>
public sealed class FeedSlugTests
{
    [Theory]
    [InlineData("https://www.example.org/news/2024/Ferry_Vote.HTML", "ferry-vote")]
    [InlineData("https://www.example.org/a/6890001.html", "6890001")]
    [InlineData("https://www.example.org/news/ferry-vote/", "ferry-vote")]
    [InlineData("https://www.example.org/news/caf%C3%A9%20menu.html", "caf-menu")]
    [InlineData("urn:uuid:1225C695-CFB8-4EBB-AAAA-80DA344EFA6A", "1225c695-cfb8-4ebb-aaaa-80da344efa6a")]
    [InlineData("tag:example.net,2024:log-2024-03", "tag-example-net-2024-log-2024-03")]
    [InlineData("item 42", "item-42")]
    public void Slugs(string identity, string slug)
    {
        FeedSlug.Of(identity).ShouldBe(slug);
    }

    [Fact]
    public void An_identity_that_leaves_nothing_gives_a_hash()
    {
        FeedSlug.Of("https://www.example.org/").ShouldBe(Hash("https://www.example.org/"));
        FeedSlug.Of("https://www.example.org/新闻/渡轮.html").ShouldBe(Hash("https://www.example.org/新闻/渡轮.html"));
        FeedSlug.Of("渡轮").ShouldMatch("^[0-9a-f]{12}$");

        static string Hash(string s) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(s)))[..12];
    }

    [Fact]
    public void Slugs_are_at_most_80_characters_without_a_trailing_dash()
    {
        var slug = FeedSlug.Of("https://e.org/" + string.Concat(Enumerable.Repeat("abcdefghi-", 12)));
        slug.Length.ShouldBeLessThanOrEqualTo(80);
        slug.ShouldNotEndWith("-");
        slug.ShouldStartWith("abcdefghi-abcdefghi");
    }

    [Fact]
    public void The_guid_wins_over_the_link_and_repeats_are_numbered_in_document_order()
    {
        var items = ReadAll(Rss(
            Item("A", "https://e.org/x/story.html", guid: "https://e.org/p/one") +
            Item("B", "https://e.org/y/story.html") +
            Item("C", "https://e.org/z/story.html") +
            Item("D", "https://e.org/story-2.html") +
            Item("E", "https://e.org/w/one.html")), path: "feeds/e.xml");
        items.Select(a => a.Metadata.Id).ShouldBe(["example.org/one", "example.org/story", "example.org/story-2", "example.org/story-2-2", "example.org/one-2"]);
        items[1].Metadata.SourcePath.ShouldBe("feeds/e.xml#story");
        items[2].Metadata.OriginalUrl.ShouldBe("https://e.org/z/story.html");
    }

    [Fact]
    public void Site_from_the_channel_link_then_the_item_link()
    {
        ReadAll(Rss(Item("A", "https://www.rfa.org/a/1.html"), channelLink: "https://www.voachinese.com/")).Single().Metadata.Site.Code.ShouldBe("voa");
        ReadAll(Rss(Item("A", "https://www.rfa.org/a/1.html"), channelLink: "https://feeds.example.com/")).Single().Metadata.Id.ShouldBe("rfa/1");
        ReadAll(Rss(Item("A", "https://other.example.com/a/1.html"), channelLink: "https://www.example.com/")).Single().Metadata.Site.Code.ShouldBe("example.com");
    }
}
