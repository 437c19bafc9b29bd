using Convertify.Archive.Feeds;
using Convertify.Model;

namespace Convertify.Archive.Tests.Feeds;

/// <summary>RFC 822 <c>pubDate</c>s in every zone form feeds use, and RFC 3339 dates.</summary>
public sealed class FeedDateTests
{
    [Theory]
    [InlineData("Tue, 05 Mar 2024 09:30:00 GMT", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 UT", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 UTC", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 Z", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 EST", "2024-03-05T09:30:00-05:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 EDT", "2024-03-05T09:30:00-04:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 CST", "2024-03-05T09:30:00-06:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 CDT", "2024-03-05T09:30:00-05:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 MST", "2024-03-05T09:30:00-07:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 MDT", "2024-03-05T09:30:00-06:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 PST", "2024-03-05T09:30:00-08:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 PDT", "2024-03-05T09:30:00-07:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 A", "2024-03-05T09:30:00+01:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 M", "2024-03-05T09:30:00+12:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 N", "2024-03-05T09:30:00-01:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 Y", "2024-03-05T09:30:00-12:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 +0800", "2024-03-05T09:30:00+08:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 -0330", "2024-03-05T09:30:00-03:30", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00 +08:00", "2024-03-05T09:30:00+08:00", DatePrecision.Second)]
    [InlineData("05 Mar 2024 09:30:00 GMT", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    [InlineData("Tue, 5 Mar 24 09:30 GMT", "2024-03-05T09:30:00+00:00", DatePrecision.Minute)]
    [InlineData("Fri, 31 Dec 99 23:59:59 -0500", "1999-12-31T23:59:59-05:00", DatePrecision.Second)]
    [InlineData("Tuesday, 05 March 2024 09:30:00 GMT", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    [InlineData("Tue,05 Mar 2024 09:30:00 GMT", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    [InlineData("Tue, 05 Mar 2024 09:30:00", "2024-03-05T09:30:00+00:00", DatePrecision.Second)]
    public void Rfc822_zone_forms(string text, string expected, DatePrecision precision)
    {
        Rfc822Date.TryParse(text, out var value, out var actual).ShouldBeTrue();
        value.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
        actual.ShouldBe(precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Tue, 31 Feb 2024 09:30:00 GMT")]
    [InlineData("Tue, 05 Foo 2024 09:30:00 GMT")]
    [InlineData("Tue, 05 Mar 2024 25:30:00 GMT")]
    [InlineData("Tue, 05 Mar 2024 09:30:00 XYZ")]
    [InlineData("Tue, 05 Mar 2024 09:30:00 J")]
    [InlineData("Tue, 05 Mar 2024 09:30:00 +2500")]
    public void Rfc822_refuses_what_is_not_a_date(string text)
    {
        Rfc822Date.TryParse(text, out _, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2024-02-14T07:45:30+01:00", "2024-02-14T07:45:30+01:00", DatePrecision.Second)]
    [InlineData("2024-02-14T07:45:30Z", "2024-02-14T07:45:30+00:00", DatePrecision.Second)]
    [InlineData("2024-02-14T07:45:30.123456Z", "2024-02-14T07:45:30.123456+00:00", DatePrecision.Millisecond)]
    [InlineData("2024-02-14T07:45-0500", "2024-02-14T07:45:00-05:00", DatePrecision.Minute)]
    [InlineData("2024-02-14 07:45:30+08", "2024-02-14T07:45:30+08:00", DatePrecision.Second)]
    [InlineData("2024-02-14", "2024-02-14T00:00:00+00:00", DatePrecision.Day)]
    public void Rfc3339_dates(string text, string expected, DatePrecision precision)
    {
        Iso8601Date.TryParse(text, out var value, out var actual).ShouldBeTrue();
        value.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset);
        actual.ShouldBe(precision);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-02-14T7:45")]
    [InlineData("2024-02-14T07:45:30 GMT")]
    [InlineData("Tue, 05 Mar 2024 09:30:00 GMT")]
    public void Rfc3339_refuses_other_forms(string text)
    {
        Iso8601Date.TryParse(text, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void An_unreadable_date_warns_and_the_next_candidate_is_used()
    {
        var a = FeedInput.ReadAll(FeedInput.Rss("<item xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><title>A</title><link>https://e.org/a</link><pubDate>someday</pubDate><dc:date>2024-01-02</dc:date><description>x</description></item>")).Single();
        a.Metadata.Published.Value.ShouldBe(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));
        a.Warnings.ShouldContain(w => w.Code == "feed.date-invalid" && w.Message.Contains("someday", StringComparison.Ordinal));
    }
}
