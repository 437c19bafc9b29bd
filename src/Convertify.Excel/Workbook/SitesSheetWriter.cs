using System.Globalization;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;

namespace Convertify.Excel;

/// <summary>
/// Writes the Sites sheet: a summary table per site, a chartable table of articles per month
/// (rows = months, columns = sites) and a stacked column chart of it.
/// </summary>
internal static class SitesSheetWriter
{
    public const string SummaryTable = "Sites";
    public const string MonthTable = "ArticlesPerMonth";
    public static readonly string[] SummaryHeaders = ["site", "source", "articles", "first_published", "last_published", "characters"];
    private const int MonthTableColumn = 8;
    // Listing every month between the first and the last only while the span is sensible (bogus dates can span centuries).
    private const int MaxContiguousMonths = 1_200;

    public static void Write(ExcelWorksheet sheet, List<ArticleRow> rows, ExcelCatalogOptions options)
    {
        var sites = Summarise(rows);
        var summary = new TableSheet(sheet, SummaryHeaders,
            [ColumnKind.Text, ColumnKind.Text, ColumnKind.Number, ColumnKind.DateTime, ColumnKind.DateTime, ColumnKind.Number], options.MaxColumnWidth);
        foreach (var site in sites)
        {
            var r = summary.NextRow();
            summary.Text(r, 0, site.Code);
            summary.Text(r, 1, site.Name);
            summary.Number(r, 2, site.Articles);
            summary.DateTime(r, 3, site.First.PublishedLocal);
            summary.DateTime(r, 4, site.Last.PublishedLocal);
            summary.Number(r, 5, (double)site.Characters);
        }
        summary.Finish(SummaryTable, options.TableStyle);

        var months = Months(rows);
        var siteHeaders = UniqueHeaders(sites.Select(s => s.Code)).ToList();
        var headers = new List<string> { "month" };
        headers.AddRange(siteHeaders);
        var kinds = new List<ColumnKind> { ColumnKind.Text };
        kinds.AddRange(sites.Select(_ => ColumnKind.Number));
        var perMonth = new TableSheet(sheet, headers, kinds, options.MaxColumnWidth, MonthTableColumn);
        foreach (var month in months)
        {
            var r = perMonth.NextRow();
            perMonth.Text(r, 0, month);
            for (var s = 0; s < sites.Count; s++)
            {
                perMonth.Number(r, s + 1, sites[s].PerMonth.GetValueOrDefault(month));
            }
        }
        perMonth.Finish(MonthTable, options.TableStyle);
        sheet.View.FreezePanes(2, 1);

        if (options.IncludeChart && sites.Count > 0 && months.Count > 0)
        {
            var values = sites.Select(s => (IReadOnlyList<int>)months.Select(m => s.PerMonth.GetValueOrDefault(m)).ToList()).ToList();
            AddChart(sheet, siteHeaders, months, values);
        }
    }

    private static void AddChart(ExcelWorksheet sheet, List<string> siteHeaders, List<string> months, List<IReadOnlyList<int>> values)
    {
        var siteCount = siteHeaders.Count;
        var monthCount = months.Count;
        var chart = (ExcelBarChart)sheet.Drawings.AddChart("ArticlesPerMonthChart", eChartType.ColumnStacked);
        chart.Title.Text = "Articles per month";
        var categories = sheet.Cells[2, MonthTableColumn, monthCount + 1, MonthTableColumn];
        for (var s = 0; s < siteCount; s++)
        {
            var column = MonthTableColumn + 1 + s;
            var series = chart.Series.Add(sheet.Cells[2, column, monthCount + 1, column], categories);
            series.HeaderAddress = sheet.Cells[1, column];
        }
        chart.SetPosition(0, 0, MonthTableColumn + siteCount + 1, 0);
        chart.SetSize(720, 400);
        ChartSeriesMarkup.Complete(chart.ChartXml, siteHeaders, months, values);
    }

    private static List<SiteSummary> Summarise(List<ArticleRow> rows)
    {
        var byCode = new Dictionary<string, SiteSummary>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byCode.TryGetValue(row.SiteCode, out var site))
            {
                site = new SiteSummary(row.SiteCode, row.SiteName, row);
                byCode.Add(row.SiteCode, site);
            }
            site.Add(row);
        }
        return byCode.Values.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
    }

    private static List<string> Months(List<ArticleRow> rows)
    {
        var present = new SortedSet<string>(rows.Select(r => r.Month), StringComparer.Ordinal);
        if (present.Count == 0)
        {
            return [];
        }
        var first = DateTime.ParseExact(present.Min!, "yyyy-MM", CultureInfo.InvariantCulture);
        var last = DateTime.ParseExact(present.Max!, "yyyy-MM", CultureInfo.InvariantCulture);
        var span = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        if (span > MaxContiguousMonths)
        {
            return present.ToList();
        }
        var months = new List<string>(span);
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
        return months;
    }

    private static IEnumerable<string> UniqueHeaders(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "month" };
        foreach (var name in names)
        {
            var candidate = name.Length == 0 ? "(none)" : name;
            var unique = candidate;
            for (var n = 2; !seen.Add(unique); n++)
            {
                unique = candidate + "_" + n.ToString(CultureInfo.InvariantCulture);
            }
            yield return unique;
        }
    }

    private sealed class SiteSummary(string code, string name, ArticleRow first)
    {
        public string Code { get; } = code;
        public string Name { get; } = name;
        public int Articles { get; private set; }
        public long Characters { get; private set; }
        public ArticleRow First { get; private set; } = first;
        public ArticleRow Last { get; private set; } = first;
        public Dictionary<string, int> PerMonth { get; } = new(StringComparer.Ordinal);

        public void Add(ArticleRow row)
        {
            Articles++;
            Characters += row.Characters;
            var instant = Instant(row);
            if (instant < Instant(First)) First = row;
            if (instant > Instant(Last)) Last = row;
            PerMonth[row.Month] = PerMonth.GetValueOrDefault(row.Month) + 1;
        }

        private static DateTime Instant(ArticleRow row) =>
            row.PublishedLocal.Ticks - row.PublishedOffset.Ticks is var ticks && ticks >= 0 && ticks <= DateTime.MaxValue.Ticks ? new DateTime(ticks) : row.PublishedLocal;
    }
}
