using System.Globalization;
using Convertify.Archive.Dates;

namespace Convertify.Archive.Tests;

public sealed class DateNameRewriterTests
{
    private const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces;

    [Theory]
    [InlineData("Thu, 29 Dec 2022 15:59:01 GMT", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", ", 29  12  2022 15:59:01 GMT", ", dd MM yyyy HH:mm:ss 'GMT'")]
    [InlineData("tue,3 jan 2017 08:08:05 +0100", "ddd, d MMM yyyy HH:mm:ss zzz", ",3  01  2017 08:08:05 +0100", ", d MM yyyy HH:mm:ss zzz")]
    [InlineData("05 MAY 2021 10:00:00 GMT", "dd MMM yyyy HH:mm:ss 'GMT'", "05  05  2021 10:00:00 GMT", "dd MM yyyy HH:mm:ss 'GMT'")]
    public void Names_become_numbers(string text, string format, string expectedText, string expectedFormat)
    {
        DateNameRewriter.Rewrite(text, format, out var numericText, out _).ShouldBe(DateNameMatch.Rewritten);
        numericText.ShouldBe(expectedText);
        DateNameRewriter.NumericFormat(format).ShouldBe(expectedFormat);
    }

    [Theory]
    [InlineData("2020年 9月 9日")]
    [InlineData("2021-04-06 17:24:20")]
    [InlineData("Thx, 29 Dec 2022 15:59:01 GMT")]
    [InlineData("Thu, 29 Dez 2022 15:59:01 GMT")]
    [InlineData("Thu 29 Dec 2022 15:59:01 GMT")]
    [InlineData("星期四, 29 Dec 2022 15:59:01 GMT")]
    [InlineData("Thu, 2 Dec 2022 15:59:01 GMT")]
    public void Texts_that_cannot_match_are_rejected_without_net(string text) =>
        DateNameRewriter.Rewrite(text, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", out _, out _).ShouldBe(DateNameMatch.NoMatch);

    [Theory]
    [InlineData("Ｔｈｕ, 29 Dec 2022 15:59:01 GMT")]
    [InlineData("Thu, 29 Déc 2022 15:59:01 GMT")]
    public void Names_in_other_scripts_are_left_to_net(string text) =>
        DateNameRewriter.Rewrite(text, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", out _, out _).ShouldBe(DateNameMatch.Unchanged);

    [Fact]
    public void Numeric_formats_are_left_to_net()
    {
        DateNameRewriter.Rewrite("2021-04-06 17:24", "yyyy-MM-dd HH:mm", out _, out _).ShouldBe(DateNameMatch.Unchanged);
        DateNameRewriter.NumericFormat("yyyy-MM-dd HH:mm").ShouldBeNull();
    }

    [Theory]
    [InlineData("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", @"yyyy\-MM\-dd'T'HH:mm:ss.FFFFFFFK")]
    [InlineData("dd/MM/yyyy - HH:mm", @"dd/MM/yyyy \- HH:mm")]
    [InlineData("ddd, dd MMM yyyy HH:mm:ss 'GMT'", @"ddd\, dd MMM yyyy HH:mm:ss 'GMT'")]
    [InlineData(@"'a-b' \- x GMT", @"'a-b' \- x GMT")]
    public void Punctuation_literals_are_escaped(string format, string expected) => DateFormatLiterals.Escape(format).ShouldBe(expected);

    [Fact]
    public void Every_format_parses_generated_texts_as_net_does()
    {
        var failures = new List<string>();
        var count = 0;
        var namedMatches = 0;
        var numericMatches = 0;
        foreach (var text in GeneratedTexts())
        {
            count++;
            var dayExpected = DateTime.TryParseExact(text, BodyDateParser.DateOnlyFormats, CultureInfo.InvariantCulture, Styles, out var dayE);
            var dayActual = BodyDateParser.TryParseDateOnly(text, out var dayA);
            if (dayExpected != dayActual || dayE != dayA)
            {
                failures.Add($"date-only '{text}': .NET {dayExpected} {dayE:o}, ours {dayActual} {dayA:o}");
            }
            foreach (var format in BodyDateParser.ZonedFormats)
            {
                count++;
                var expected = DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out var e);
                var actual = BodyDateParser.TryParseZoned(text, format, out var a);
                namedMatches += expected && format.Contains("MMM", StringComparison.Ordinal) ? 1 : 0;
                numericMatches += expected && !format.Contains("MMM", StringComparison.Ordinal) ? 1 : 0;
                if (expected != actual || (expected && (e.DateTime != a.DateTime || e.Offset != a.Offset)))
                {
                    failures.Add($"zoned '{text}' / '{format}': .NET {expected} {e:o}, ours {actual} {a:o}");
                }
            }
            foreach (var format in BodyDateParser.LocalFormats)
            {
                count++;
                var expected = DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out var e);
                var actual = BodyDateParser.TryParseLocal(text, format, out var a);
                namedMatches += expected && format.Contains("MMM", StringComparison.Ordinal) ? 1 : 0;
                numericMatches += expected && !format.Contains("MMM", StringComparison.Ordinal) ? 1 : 0;
                if (expected != actual || (expected && (e != a || e.Kind != a.Kind)))
                {
                    failures.Add($"local '{text}' / '{format}': .NET {expected} {e:o}, ours {actual} {a:o}");
                }
            }
        }
        count.ShouldBeGreaterThan(100_000);
        namedMatches.ShouldBeGreaterThan(1_000);
        numericMatches.ShouldBeGreaterThan(1_000);
        failures.Take(20).ShouldBeEmpty();
        failures.Count.ShouldBe(0);
    }

    /// <summary>RFC 1123-like texts and near misses: every day and month name in several casings, right and wrong weekdays,
    /// spacing and punctuation variants, one- to three-digit days, offsets and zone names, and non-ASCII look-alikes.</summary>
    private static IEnumerable<string> GeneratedTexts()
    {
        var random = new Random(20261124);
        string[] days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "SUN", "mon", "tUE", "Thx", "Th", "Thur", "Ｔｈｕ", "Thü", "星期四", "T\u0001u", ""];
        string[] months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "DEC", "dec", "jAn", "Sept", "Dez", "De", "Ｄｅｃ", "Déc", "12", ""];
        string[] commas = [", ", ",", " , ", " ,", " ", ""];
        string[] dayNumbers = ["29", "9", "09", "1", "01", "31", "30", "123", "", "2x"];
        string[] years = ["2022", "2021", "2024", "1999", "22", "20222"];
        string[] spaces = [" ", "", "  "];
        string[] times = ["15:59:01", "15:59", "5:59:01", "23:59:59", "00:00:00", "15:59:01.5", "24:00:00"];
        string[] zones = [" GMT", " UTC", " +0800", " +08:00", " -0500", " Z", "Z", "", " gmt", "GMT", " +08", " +14:00", " CET"];
        string Pick(string[] items) => items[random.Next(items.Length)];
        for (var n = 0; n < 12_000; n++)
        {
            yield return Pick(days) + Pick(commas) + Pick(dayNumbers) + Pick(spaces) + Pick(months) + Pick(spaces) + Pick(years) + " " + Pick(times) + Pick(zones);
        }
        string[] separators = ["-", "/", " - ", "T", " ", "", ".", ","];
        string[] numericTimes = ["17:24:20", "17:24", "7:24", "17:24:20.243", "17:24:20.1234567", "17:24:20.", "24:00", ""];
        string[] numericZones = ["", "Z", "+08:00", "+0800", " +08:00", "-05:00", "+8:00", "+14:30", " GMT", "z"];
        for (var n = 0; n < 12_000; n++)
        {
            var sep = Pick(separators);
            yield return Pick(["2021", "06", "6", "2021年"]) + sep + Pick(["04", "4", "13", "12"]) + sep + Pick(["06", "6", "2021", "31"])
                + Pick([" ", "T", "", " - ", "  "]) + Pick(numericTimes) + Pick(numericZones);
        }
        // Every format's own output for real dates and offsets, as written and with one character changed, dropped or doubled.
        string[] formats = [.. BodyDateParser.ZonedFormats, .. BodyDateParser.LocalFormats, .. BodyDateParser.DateOnlyFormats];
        for (var n = 0; n < 6_000; n++)
        {
            var date = new DateTimeOffset(new DateTime(1990, 1, 1).AddMinutes(random.Next(0, 20_000_000)).AddMilliseconds(random.Next(60_000)),
                TimeSpan.FromMinutes(30 * random.Next(-24, 29)));
            var text = date.ToString(Pick(formats), CultureInfo.InvariantCulture);
            yield return text;
            var at = random.Next(text.Length);
            yield return random.Next(4) switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, text[at].ToString()),
                2 => text.Insert(at, " "),
                _ => text.Remove(at, 1).Insert(at, Pick(["0", "9", "-", ":", "a", "Z", "+", "."])),
            };
        }
        // Real calendar dates with their true weekday, so that matches (not only rejections) are compared.
        for (var n = 0; n < 3_000; n++)
        {
            var date = new DateTime(1990, 1, 1).AddMinutes(random.Next(0, 20_000_000)).AddSeconds(random.Next(60));
            var day = date.ToString("ddd", CultureInfo.InvariantCulture);
            var month = date.ToString("MMM", CultureInfo.InvariantCulture);
            day = random.Next(3) switch { 0 => day.ToUpperInvariant(), 1 => day.ToLowerInvariant(), _ => day };
            month = random.Next(3) switch { 0 => month.ToUpperInvariant(), 1 => month.ToLowerInvariant(), _ => month };
            var dayNumber = random.Next(2) == 0 ? date.Day.ToString("00", CultureInfo.InvariantCulture) : date.Day.ToString(CultureInfo.InvariantCulture);
            var time = date.ToString(random.Next(2) == 0 ? "HH:mm:ss" : "HH:mm", CultureInfo.InvariantCulture);
            yield return $"{day}{Pick(commas)}{dayNumber}{Pick(spaces)}{month} {date.Year} {time}{Pick(zones)}";
            yield return $"{dayNumber} {month} {date.Year} {time}{Pick(zones)}";
        }
    }
}
