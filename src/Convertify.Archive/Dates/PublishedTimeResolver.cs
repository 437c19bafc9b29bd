using Convertify.Model;

namespace Convertify.Archive.Dates;

/// <summary>
/// Decides the published time: a zoned body date as stated; a zone-less one reconciled against the feed time with the
/// site's zone (nyt +08:00, rfi Europe/Paris with EU summer time, others the whole-hour offset that places it closest
/// before or at the feed time); a date-only body date at 00:00 in the site's offset (precision Day); else the feed time.
/// A day a site's info box states wins over all of these, unless the body's time is more exact and falls on that day.
/// </summary>
internal static class PublishedTimeResolver
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static PublishedTime Resolve(BodyDate? date, DateTimeOffset feedTime, string siteCode, BodyDate? infoBoxDate = null)
    {
        var fromBody = ResolveBody(date, feedTime, siteCode);
        if (infoBoxDate is null)
        {
            return fromBody;
        }
        var day = infoBoxDate.Local.Date;
        var stated = new DateTimeOffset(day, DayOffset(day, siteCode));
        var agrees = fromBody.Source != DateSource.FeedTime && fromBody.Precision > DatePrecision.Day
            && fromBody.Value.ToOffset(stated.Offset).Date == day;
        return agrees ? fromBody : new PublishedTime(stated, DateSource.InfoCard, DatePrecision.Day, infoBoxDate.Raw);
    }

    private static PublishedTime ResolveBody(BodyDate? date, DateTimeOffset feedTime, string siteCode)
    {
        if (date is null)
        {
            return new PublishedTime(feedTime, DateSource.FeedTime, DatePrecision.Millisecond, null);
        }
        if (date.Offset is { } offset)
        {
            return new PublishedTime(new DateTimeOffset(date.Local, offset), DateSource.BodyWithZone, date.Precision, date.Raw);
        }
        if (date.Precision == DatePrecision.Day)
        {
            return new PublishedTime(new DateTimeOffset(date.Local.Date, DayOffset(date.Local.Date, siteCode)), DateSource.BodyDateOnly, DatePrecision.Day, date.Raw);
        }
        var reconciled = siteCode switch
        {
            "nyt" => new DateTimeOffset(date.Local, China),
            "rfi" => new DateTimeOffset(date.Local, ParisOffset(date.Local)),
            "reuters" or "voa" or "dw" or "bbc" => Closest(date.Local, feedTime, [TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(2), China]),
            _ => Closest(date.Local, feedTime, [China, TimeSpan.Zero, TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(9),
                TimeSpan.FromHours(-4), TimeSpan.FromHours(-5), TimeSpan.FromHours(-7), TimeSpan.FromHours(-8)]),
        };
        return new PublishedTime(reconciled, DateSource.BodyReconciled, date.Precision, date.Raw);
    }

    /// <summary>The offset of a bare day: Paris time at its noon for rfi, China's for every other site.</summary>
    private static TimeSpan DayOffset(DateTime day, string siteCode) => siteCode == "rfi" ? ParisOffset(day.AddHours(12)) : China;

    /// <summary>The candidate offset placing the local time closest before or at the feed time (else closest after).</summary>
    private static DateTimeOffset Closest(DateTime local, DateTimeOffset feedTime, TimeSpan[] offsets)
    {
        // The offsets differ, so no two candidates are the same instant.
        var candidates = offsets.Select(offset => new DateTimeOffset(local, offset)).ToList();
        var before = candidates.Where(candidate => candidate <= feedTime).ToList();
        return before.Count > 0 ? before.Max() : candidates.Min();
    }

    /// <summary>Paris: +01:00, or +02:00 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.</summary>
    internal static TimeSpan ParisOffset(DateTime local)
    {
        var year = local.Year;
        var start = LastSunday(year, 3).AddHours(2); // 01:00 UTC = 02:00 local winter time
        var end = LastSunday(year, 10).AddHours(3);  // 01:00 UTC = 03:00 local summer time
        return local >= start && local < end ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1);
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month), 0, 0, 0, DateTimeKind.Unspecified);
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
