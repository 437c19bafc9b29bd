using Convertify.Archive.Dates;
using Convertify.Model;

namespace Convertify.Archive.Tests;

public sealed class DateParserTests
{
    [Theory]
    [InlineData("Thu, 29 Dec 2022 15:59:01 GMT", "2022-12-29T15:59:01+00:00", DatePrecision.Second)]
    [InlineData("Thu, 29 Dec 2022 15:59:01 +0000", "2022-12-29T15:59:01+00:00", DatePrecision.Second)]
    [InlineData("Thu, 29 Dec 2022 23:59:01 +0800", "2022-12-29T23:59:01+08:00", DatePrecision.Second)]
    [InlineData("2025-02-15T08:03:55.243Z", "2025-02-15T08:03:55.2430000+00:00", DatePrecision.Millisecond)]
    [InlineData("2021-05-18T00:53:28Z", "2021-05-18T00:53:28+00:00", DatePrecision.Second)]
    [InlineData("2021-05-18T08:53:28+08:00", "2021-05-18T08:53:28+08:00", DatePrecision.Second)]
    [InlineData("2021-05-18T08:53+0800", "2021-05-18T08:53:00+08:00", DatePrecision.Minute)]
    public void Zoned_dates(string text, string expected, DatePrecision precision)
    {
        var date = BodyDateParser.Parse(text).ShouldNotBeNull();
        date.Offset.ShouldNotBeNull();
        new DateTimeOffset(date.Local, date.Offset.Value).ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        date.Precision.ShouldBe(precision);
        date.Raw.ShouldBe(text);
    }

    [Theory]
    [InlineData("2021-04-06 17:24:20", DatePrecision.Second)]
    [InlineData("2021-04-06 17:24", DatePrecision.Minute)]
    [InlineData("06/04/2021 - 17:24", DatePrecision.Minute)]
    [InlineData("2021年4月6日 17:24", DatePrecision.Minute)]
    public void Zone_less_dates(string text, DatePrecision precision)
    {
        var date = BodyDateParser.Parse(text).ShouldNotBeNull();
        date.Offset.ShouldBeNull();
        date.Local.ShouldBe(new DateTime(2021, 4, 6, 17, 24, precision == DatePrecision.Second ? 20 : 0));
        date.Precision.ShouldBe(precision);
    }

    [Theory]
    [InlineData("2020年 9月 9日")]
    [InlineData("2020年9月9日 星期三")]
    [InlineData("2020-09-09")]
    public void Date_only(string text)
    {
        var date = BodyDateParser.Parse(text).ShouldNotBeNull();
        date.Precision.ShouldBe(DatePrecision.Day);
        date.Local.ShouldBe(new DateTime(2020, 9, 9));
    }

    [Theory]
    [InlineData("28 分钟前")]
    [InlineData("1 小时前")]
    [InlineData("临登港的早晨")]
    [InlineData("2020年 13月 9日")]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("9999-12-31T23:59:59-12:00")]
    [InlineData("")]
    public void Not_dates(string text) => BodyDateParser.Parse(text).ShouldBeNull();

    [Fact]
    public void Paris_offset_follows_eu_summer_time()
    {
        PublishedTimeResolver.ParisOffset(new DateTime(2023, 3, 26, 1, 30, 0)).ShouldBe(TimeSpan.FromHours(1));
        PublishedTimeResolver.ParisOffset(new DateTime(2023, 3, 26, 3, 30, 0)).ShouldBe(TimeSpan.FromHours(2));
        PublishedTimeResolver.ParisOffset(new DateTime(2023, 10, 29, 2, 30, 0)).ShouldBe(TimeSpan.FromHours(2));
        PublishedTimeResolver.ParisOffset(new DateTime(2023, 10, 29, 3, 30, 0)).ShouldBe(TimeSpan.FromHours(1));
        PublishedTimeResolver.ParisOffset(new DateTime(2023, 1, 15, 12, 0, 0)).ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Unknown_site_zone_less_date_is_placed_closest_before_the_feed_time()
    {
        var feed = new DateTimeOffset(2021, 4, 6, 10, 0, 0, TimeSpan.Zero);
        var date = new BodyDate(new DateTime(2021, 4, 6, 17, 24, 0), null, DatePrecision.Minute, "2021-04-06 17:24");
        var published = PublishedTimeResolver.Resolve(date, feed, "news.lindenport.example");
        published.Source.ShouldBe(DateSource.BodyReconciled);
        published.Value.Offset.ShouldBe(TimeSpan.FromHours(8));
        published.Value.ShouldBeLessThanOrEqualTo(feed);
    }
}
