using System.Globalization;
using System.Xml;

namespace Convertify.Excel;

/// <summary>
/// Completes the series of a category chart EPPlus wrote: each gets a solid fill of its own colour, its categories as text
/// (<c>c:strRef</c> with a filled <c>c:strCache</c>) and filled name and value caches. LibreOffice draws no bars for
/// EPPlus' bare series (categories as <c>c:numRef</c> over text cells, no caches, no fill).
/// </summary>
internal static class ChartSeriesMarkup
{
    private const string ChartNamespace = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string DrawingNamespace = "http://schemas.openxmlformats.org/drawingml/2006/main";

    // Tableau's ten colours, none of them grey; further series get hues a golden angle apart.
    private static readonly string[] Palette = ["4E79A7", "F28E2B", "E15759", "76B7B2", "59A14F", "EDC948", "B07AA1", "FF9DA7", "9C755F", "2CA02C"];

    /// <summary>The fill colour (RRGGBB) of series <paramref name="index"/>.</summary>
    public static string Colour(int index)
    {
        if (index < Palette.Length)
        {
            return Palette[index];
        }
        var hue = (index - Palette.Length) * 137.508 % 360;
        return FromHsv(hue, 0.65, 0.85);
    }

    /// <param name="chart">The chart part's XML (EPPlus' <c>ExcelChart.ChartXml</c>).</param>
    /// <param name="names">The name of each series, in order.</param>
    /// <param name="categories">The category labels every series shares.</param>
    /// <param name="values">The values of each series, one per category.</param>
    public static void Complete(XmlDocument chart, IReadOnlyList<string> names, IReadOnlyList<string> categories, IReadOnlyList<IReadOnlyList<int>> values)
    {
        var series = chart.GetElementsByTagName("ser", ChartNamespace).Cast<XmlElement>().ToList();
        if (series.Count != names.Count)
        {
            throw new InvalidOperationException($"the chart has {series.Count} series, not {names.Count}");
        }
        for (var s = 0; s < series.Count; s++)
        {
            var ser = series[s];
            var tx = Child(ser, "tx");
            FillCache(Child(Child(tx, "strRef"), "strCache"), [names[s]], null);
            ser.InsertAfter(SolidFill(chart, Colour(s)), tx);

            var cat = Child(ser, "cat");
            var reference = Child(Child(cat, "numRef"), "f").InnerText;
            cat.RemoveAll();
            var strRef = cat.AppendChild(Element(chart, "strRef"))!;
            strRef.AppendChild(Element(chart, "f"))!.InnerText = reference;
            FillCache((XmlElement)strRef.AppendChild(Element(chart, "strCache"))!, categories, null);

            var numRef = Child(Child(ser, "val"), "numRef");
            var numCache = (XmlElement)numRef.AppendChild(Element(chart, "numCache"))!;
            FillCache(numCache, values[s].Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList(), "General");
        }
    }

    private static void FillCache(XmlElement cache, IReadOnlyList<string> points, string? formatCode)
    {
        var chart = cache.OwnerDocument;
        cache.RemoveAll();
        if (formatCode is not null)
        {
            cache.AppendChild(Element(chart, "formatCode"))!.InnerText = formatCode;
        }
        var count = (XmlElement)cache.AppendChild(Element(chart, "ptCount"))!;
        count.SetAttribute("val", points.Count.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < points.Count; i++)
        {
            var pt = (XmlElement)cache.AppendChild(Element(chart, "pt"))!;
            pt.SetAttribute("idx", i.ToString(CultureInfo.InvariantCulture));
            pt.AppendChild(Element(chart, "v"))!.InnerText = points[i];
        }
    }

    private static XmlElement SolidFill(XmlDocument chart, string colour)
    {
        var spPr = Element(chart, "spPr");
        var fill = spPr.AppendChild(chart.CreateElement("a", "solidFill", DrawingNamespace))!;
        var rgb = (XmlElement)fill.AppendChild(chart.CreateElement("a", "srgbClr", DrawingNamespace))!;
        rgb.SetAttribute("val", colour);
        return spPr;
    }

    private static XmlElement Element(XmlDocument chart, string name) => chart.CreateElement("c", name, ChartNamespace);

    private static XmlElement Child(XmlElement parent, string name) =>
        parent.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == name && e.NamespaceURI == ChartNamespace)
        ?? throw new InvalidOperationException($"the chart's {parent.LocalName} has no {name}");

    private static string FromHsv(double hue, double saturation, double value)
    {
        var c = value * saturation;
        var x = c * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = value - c;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Byte(r + m):X2}{Byte(g + m):X2}{Byte(b + m):X2}");
    }

    private static int Byte(double channel) => (int)Math.Round(channel * 255);
}
