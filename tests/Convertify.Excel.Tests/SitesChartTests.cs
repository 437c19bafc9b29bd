using System.Globalization;
using Convertify.Model;
using static Convertify.Excel.Tests.TestArticles;

namespace Convertify.Excel.Tests;

public sealed class SitesChartTests
{
    private const int Dpi = 60;

    [Fact]
    public void LibreOffice_draws_coloured_bars_in_the_articles_per_month_chart()
    {
        using var printed = PrintedCatalog.Print(CatalogFile.Write(ThreeSitesOverFourMonths()));
        var page = printed.PageWith("Articles", "per", "month");
        page.ShouldBeGreaterThan(0, "no page shows the chart's title");
        var title = printed.Find(page, "Articles", "per", "month")!;
        // The plot lies below the title, centred on it; the chart is about three titles wide, its legend at the far right.
        var width = title.XMax - title.XMin;
        var image = printed.Render(page, Dpi);
        int Px(double points) => (int)Math.Round(points * Dpi / 72);
        var coloured = image.CountColoured(Px(title.XMin - width / 2), Px(title.YMax), Px(title.XMax + width / 2), Px(title.YMax + 1.2 * width));
        coloured.ShouldBeGreaterThan(100, $"the plot area below the chart title on page {page} holds no coloured pixels: no bars");
    }

    [Fact]
    public void Every_series_has_its_own_fill_text_categories_and_filled_caches()
    {
        var bytes = CatalogFile.Write(ThreeSitesOverFourMonths());
        var chart = CatalogFile.PartXml(bytes, "xl/charts/chart1.xml");
        var series = CatalogFile.Named(chart, "ser").ToList();
        series.Count.ShouldBe(3);
        var colours = series.Select(s => CatalogFile.Named(s, "srgbClr").Single().Attribute("val")!.Value).ToList();
        colours.Distinct().Count().ShouldBe(3);
        foreach (var s in series)
        {
            var categories = CatalogFile.Named(s.Elements().Single(e => e.Name.LocalName == "cat"), "strCache").Single();
            CatalogFile.Named(categories, "ptCount").Single().Attribute("val")!.Value.ShouldBe("4");
            CatalogFile.Named(categories, "v").Select(v => v.Value).ShouldBe(["2024-01", "2024-02", "2024-03", "2024-04"]);
            var values = CatalogFile.Named(s.Elements().Single(e => e.Name.LocalName == "val"), "numCache").Single();
            CatalogFile.Named(values, "formatCode").Single().Value.ShouldBe("General");
            CatalogFile.Named(values, "v").Select(v => int.Parse(v.Value, CultureInfo.InvariantCulture)).Sum().ShouldBe(4);
        }
        CatalogFile.Named(series[0].Elements().Single(e => e.Name.LocalName == "tx"), "v").Single().Value.ShouldBe("bbc");
        ValidationTests.ValidationErrors(bytes).ShouldBeEmpty();
    }

    /// <summary>Four articles per site, one a month from January to April 2024.</summary>
    private static Article[] ThreeSitesOverFourMonths() =>
        [.. from site in new[] { "bbc", "dw", "voa" }
            from month in Enumerable.Range(1, 4)
            select Make($"{site}{month}", site: site, siteName: site.ToUpperInvariant(),
                published: new DateTimeOffset(2024, month, 10, 9, 0, 0, TimeSpan.FromHours(8)))];
}
