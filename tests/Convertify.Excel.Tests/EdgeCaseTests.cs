using System.Collections.Immutable;
using Convertify.Model;
using static Convertify.Excel.Tests.CatalogFile;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

public sealed class EdgeCaseTests
{
    [Fact]
    public void Dates_excel_cannot_hold_stay_readable_as_text()
    {
        using var package = Open(Write(Make("1", published: new DateTimeOffset(1850, 6, 1, 12, 0, 0, TimeSpan.FromHours(-5)))));
        var sheet = package.Workbook.Worksheets["Articles"];
        Cell(sheet, 2, "published").ShouldBe("1850-06-01 12:00");
        Cell(sheet, 2, "zone").ShouldBe("-05:00");
        ValidationTests.ValidationErrors(Write(Make("1", published: new DateTimeOffset(1850, 6, 1, 12, 0, 0, TimeSpan.Zero)))).ShouldBeEmpty();
    }

    [Fact]
    public void An_article_with_empty_parts_is_written()
    {
        var metadata = new ArticleMetadata("x", null, new SiteInfo("", ""), "", "", new PublishedTime(TestArticles.Published, DateSource.FeedTime, DatePrecision.Day, null),
            TestArticles.Feed, default, "", "", null);
        var article = new Article(metadata, default, default, new ArticleStatistics(0, 0, 0, 0, ""), default);
        var bytes = Write(article);
        using var package = Open(bytes);
        var sheet = package.Workbook.Worksheets["Articles"];
        Cell(sheet, 2, "id").ShouldBe("x");
        Cell(sheet, 2, "title").ShouldBeNull();
        sheet.Cells[2, Column(sheet, "title")].Hyperlink.ShouldBeNull();
        package.Workbook.Worksheets["Sites"].Cells["H1:I1"].Select(c => c.Value).ShouldBe(["month", "(none)"]);
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void Rows_beyond_excels_limit_are_left_out_with_a_warning()
    {
        var problems = new List<ProblemRow>();
        CatalogWorkbook.Fit(10, "Links", problems).ShouldBe(10);
        problems.ShouldBeEmpty();
        CatalogWorkbook.Fit(CatalogWorkbook.MaxDataRows + 5, "Links", problems).ShouldBe(CatalogWorkbook.MaxDataRows);
        problems.Single().Code.ShouldBe("excel.rows_truncated");
        problems.Single().Message.ShouldContain("Links: 5 row(s)");
    }

    [Theory]
    [InlineData("https://example.com/a", "https://example.com/a/")]
    [InlineData("HTTPS://Example.COM/a", "https://example.com/a")]
    [InlineData("https://example.com:443/a?x=1", "https://example.com/a?x=1")]
    [InlineData("https://example.com/", "https://example.com")]
    [InlineData("https://example.com/a#part", "https://example.com/a")]
    public void Urls_that_name_the_same_page_have_the_same_key(string a, string b)
    {
        UrlKey.Of(a).ShouldBe(UrlKey.Of(b));
    }

    [Theory]
    [InlineData("https://example.com/a", "https://example.com/A")]
    [InlineData("https://example.com/a?x=1", "https://example.com/a?x=2")]
    [InlineData("http://example.com/a", "https://example.com/a")]
    public void Different_pages_have_different_keys(string a, string b)
    {
        UrlKey.Of(a).ShouldNotBe(UrlKey.Of(b));
    }

    [Theory]
    [InlineData("https://example.com/a b", "https://example.com/a%20b")]
    [InlineData("https://example.com/报道", "https://example.com/%E6%8A%A5%E9%81%93")]
    [InlineData("mailto:desk@example.com", "mailto:desk@example.com")]
    public void Absolute_hyperlinks_are_escaped(string url, string expected)
    {
        new Uri(Hyperlinks.Absolute(url).ShouldNotBeNull()).AbsoluteUri.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    public void Unusable_urls_give_no_hyperlink(string url)
    {
        Hyperlinks.Absolute(url).ShouldBeNull();
    }

    [Fact]
    public void Relative_hyperlinks_escape_each_segment_and_refuse_rooted_paths()
    {
        Hyperlinks.Relative("voa/报道 1.md").ShouldBe("voa/%E6%8A%A5%E9%81%93%201.md");
        Hyperlinks.Relative(@"voa\1.md").ShouldBe("voa/1.md");
        Hyperlinks.Relative("voa/a_b-c~d.1.md").ShouldBe("voa/a_b-c~d.1.md");
        Hyperlinks.Relative("voa/a#b?.md").ShouldBe("voa/a%23b%3F.md");
        Hyperlinks.Relative("/etc/passwd").ShouldBeNull();
        Hyperlinks.Relative("C:/x.md").ShouldBeNull();
    }

    [Fact]
    public void Width_counts_wide_characters_twice_and_takes_the_widest_line()
    {
        ColumnWidths.Width("abc", 60).ShouldBe(3);
        ColumnWidths.Width("港口", 60).ShouldBe(4);
        ColumnWidths.Width("ab\nabcdef", 60).ShouldBe(6);
        ColumnWidths.Width(new string('x', 1000), 60).ShouldBe(61);
    }

    [Fact]
    public void Nothing_in_the_body_is_kept_by_the_sink()
    {
        // The rows hold strings and numbers only; a body block type in a row would be a leak of the article.
        foreach (var type in new[] { typeof(ArticleRow), typeof(ImageRow), typeof(LinkRow), typeof(ProblemRow) })
        {
            type.GetProperties().Select(p => p.PropertyType)
                .ShouldAllBe(t => t == typeof(string) || t == typeof(int) || t == typeof(bool) || t == typeof(DateTime) || t == typeof(TimeSpan));
        }
    }
}
