using Convertify.Archive;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using static Convertify.Excel.Tests.CatalogFile;

namespace Convertify.Excel.Tests;

public sealed class CorpusCatalogTests
{
    [Fact]
    public void A_catalogue_of_the_whole_corpus_has_one_faithful_row_per_article_and_validates()
    {
        var (articles, bytes) = CorpusCatalogue();

        var problems = new List<string>();
        using (var package = Open(bytes))
        {
            var sheet = package.Workbook.Worksheets["Articles"];
            (sheet.Dimension.End.Row - 1).ShouldBe(articles.Count);
            for (var i = 0; i < articles.Count; i++)
            {
                var m = articles[i].Metadata;
                var row = i + 2;
                void Expect(string column, object? expected)
                {
                    var actual = Cell(sheet, row, column);
                    if (!Equals(actual, expected))
                    {
                        problems.Add($"{m.Id} {column}: expected <{expected}>, got <{actual}>");
                    }
                }
                Expect("id", m.Id);
                Expect("title", string.IsNullOrEmpty(m.Title) ? m.OriginalUrl : Convertify.Text.XmlSafeText.Clean(m.Title).Replace("\r\n", "\n").Replace('\r', '\n'));
                Expect("url", m.OriginalUrl);
                Expect("zone", ArticlesTable.FormatOffset(m.Published.Value.Offset));
                var published = Cell(sheet, row, "published");
                if (published is not double serial || Math.Abs(DateTime.FromOADate(serial).Ticks - m.Published.Value.DateTime.Ticks) > TimeSpan.TicksPerSecond)
                {
                    problems.Add($"{m.Id} published: expected {m.Published.Value.DateTime:O}, got <{published}>");
                }
                var feed = Cell(sheet, row, "feed_time_utc");
                if (feed is not double feedSerial || Math.Abs(DateTime.FromOADate(feedSerial).Ticks - m.FeedTime.UtcDateTime.Ticks) > TimeSpan.TicksPerSecond)
                {
                    problems.Add($"{m.Id} feed_time_utc: expected {m.FeedTime.UtcDateTime:O}, got <{feed}>");
                }
                var link = sheet.Cells[row, Column(sheet, "title")].Hyperlink;
                if (Uri.TryCreate(m.OriginalUrl, UriKind.Absolute, out var original) && original.Scheme.StartsWith("http", StringComparison.Ordinal)
                    && (link is null || link.AbsoluteUri != original.AbsoluteUri))
                {
                    problems.Add($"{m.Id} title hyperlink: expected {original.AbsoluteUri}, got <{link}>");
                }
            }
            var images = package.Workbook.Worksheets["Images"];
            (images.Dimension.End.Row - 1).ShouldBe(articles.Sum(a => a.Statistics.Images));
            var sites = package.Workbook.Worksheets["Sites"];
            var siteCount = articles.Select(a => a.Metadata.Site.Code).Distinct().Count();
            Enumerable.Range(2, siteCount).Sum(r => (double)sites.Cells[r, 3].Value).ShouldBe(articles.Count);
        }
        problems.ShouldBeEmpty();
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    [Fact]
    public void The_corpus_catalogue_prints_each_sheet_one_page_wide_with_its_header_on_every_page_and_a_footer()
    {
        var (_, bytes) = CorpusCatalogue();
        using var printed = PrintedCatalog.Print(bytes);
        var pages = printed.Pages.Count;
        var sheets = new Dictionary<string, List<int>>();
        for (var page = 1; page <= pages; page++)
        {
            var footer = printed.Text(page).Split('\n').Last(l => l.Trim().Length > 0).Trim();
            var match = System.Text.RegularExpressions.Regex.Match(footer, @"^(\S+)\s+Page (\d+) of (\d+)$");
            match.Success.ShouldBeTrue($"page {page} ends with <{footer}>, not the sheet's name and 'Page N of M'");
            match.Groups[2].Value.ShouldBe(page.ToString(System.Globalization.CultureInfo.InvariantCulture));
            match.Groups[3].Value.ShouldBe(pages.ToString(System.Globalization.CultureInfo.InvariantCulture));
            sheets.TryAdd(match.Groups[1].Value, []);
            sheets[match.Groups[1].Value].Add(page);
        }
        sheets.Keys.ShouldBe(["Articles", "Images", "Links", "Sites", "Problems"]);
        // One page wide, the header on every page: each page of a sheet starts with its whole header row.
        string[][] headers = [[.. ArticleColumns.Base, ArticleColumns.Markdown, ArticleColumns.Word], ImagesTable.ColumnHeaders, LinksTable.ColumnHeaders, [], ProblemsTable.ColumnHeaders];
        foreach (var (sheet, header) in sheets.Keys.Zip(headers))
        {
            foreach (var page in sheets[sheet])
            {
                printed.HeaderRow(page, header).ShouldBeTrue($"page {page} of {sheet} does not show the header row {string.Join(", ", header)}");
            }
        }
        sheets["Links"].Count.ShouldBeGreaterThan(1, "the header is not seen repeated when Links prints on one page");
        // Before: 86 pages, one block of columns per page.
        pages.ShouldBeLessThan(20);
    }

    private static (List<Article> Articles, byte[] Catalogue) CorpusCatalogue()
    {
        var reader = new ArchiveArticleReader();
        var articles = new List<Article>();
        var failures = new List<(string, string)>();
        foreach (var file in Corpus.ArticleFiles())
        {
            try
            {
                articles.Add(reader.Read(ArticleInput.FromFile(file)));
            }
            catch (ArticleFormatException e)
            {
                failures.Add((Corpus.Relative(file), e.Message));
            }
        }
        articles.Count.ShouldBeGreaterThan(90);
        var bytes = Write(articles.Select(a => (a, (IReadOnlyDictionary<string, string>?)new Dictionary<string, string>
        {
            ["md"] = a.Metadata.Id + ".md",
            ["docx"] = a.Metadata.Id + ".docx",
        })), failures);
        return (articles, bytes);
    }
}
