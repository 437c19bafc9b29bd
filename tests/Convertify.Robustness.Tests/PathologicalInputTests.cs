using System.Diagnostics;
using System.Globalization;
using System.Text;
using Convertify.Robustness.Tests.Support;

namespace Convertify.Robustness.Tests;

/// <summary>
/// Guarantee "never hangs": pathological inputs finish (article or typed limit error) under a generous watchdog.
/// The measured times are printed (and recorded in docs/robustness.md), not asserted.
/// </summary>
public sealed class PathologicalInputTests
{
    public static TheoryData<string> Cases => new(Inputs.Keys);

    private static readonly Dictionary<string, Func<string>> Inputs = new(StringComparer.Ordinal)
    {
        ["100000-nested-div"] = () => ArchiveText.Body(Repeat("<div>", 100_000) + "x" + Repeat("</div>", 100_000)),
        ["100000-unclosed-div"] = () => ArchiveText.Body(Repeat("<div>", 100_000) + "x"),
        ["50MB-single-line"] = () => ArchiveText.Body("<p>" + Line(50_000_000) + "</p>"),
        ["50MB-single-word"] = () => ArchiveText.Body("<p>" + new string('字', 16_000_000) + "</p>"),
        ["1000000-br"] = () => ArchiveText.Body("<p>a" + Repeat("<br>", 1_000_000) + "b</p>"),
        ["300000-paragraphs"] = () => ArchiveText.Body(Repeat("<p>段落。</p>", 300_000)),
        ["100000-unclosed-b"] = () => ArchiveText.Body("<p>" + Repeat("<b>x", 100_000) + "</p>"),
        ["2000-nested-tables"] = () => ArchiveText.Body(Repeat("<table><tr><td>", 2_000) + "x"),
        ["100000-table-cells"] = () => ArchiveText.Body("<table><tr>" + Repeat("<td colspan=\"1000\" rowspan=\"65535\">c</td>", 100_000) + "</tr></table>"),
        ["20MB-attribute"] = () => ArchiveText.Body("<img src=\"https://x.example/a.jpg\" alt=\"" + new string('a', 20_000_000) + "\"><p>x</p>"),
        ["1000000-entities"] = () => ArchiveText.Body("<p>" + Repeat("&amp;&#x1F600;&lt;&#0;&bogus;", 1_000_000) + "</p>"),
        ["1000000-images"] = () => ArchiveText.Body(Repeat("<img src=\"https://x.example/a.jpg\">", 1_000_000)),
        ["100000-list-items"] = () => ArchiveText.Body("<ol start=\"2147483647\">" + Repeat("<li>x", 100_000) + "</ol>"),
        ["100000-emphasis-runs"] = () => ArchiveText.Body("<p>" + Repeat("<b>*</b> <i>_</i> ", 100_000) + "</p>"),
        // Markdig (not CommonMark) refuses about 10,000 adjacent emphasis runs in one paragraph: see docs/robustness.md.
        ["5000-adjacent-emphasis-runs"] = () => ArchiveText.Body("<p>" + Repeat("<b>*</b><i>_</i>", 5_000) + "</p>"),
        ["1000000-char-title"] = () => ArchiveText.Article(new string('题', 1_000_000), "https://www.voachinese.com/a/x.html", "<p>x</p>"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finishes_with_an_article_or_a_typed_limit_error(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(Inputs[name]());
        using var harness = new ConversionHarness("pathological-" + name);
        var clock = Stopwatch.StartNew();
        var article = Watchdog.Run(name, () => harness.Check(name, bytes), TimeSpan.FromSeconds(120));
        var read = harness.Figures.SlowestMs;
        harness.Finish();
        var outcome = article is null ? "typed error " + string.Join(",", harness.Figures.ErrorKinds.Keys) : $"article with {article.Body.Length} block(s)";
        FuzzFigures.Record(string.Create(CultureInfo.InvariantCulture,
            $"pathological {name}: {bytes.Length / 1_000_000.0:0.0} MB, read {read:0} ms, read+write+validate {clock.Elapsed.TotalMilliseconds:0} ms, {outcome}"));
        harness.AssertClean(clock.Elapsed, 0);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Line(int length)
    {
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            builder.Append("word ");
        }
        return builder.ToString();
    }
}
