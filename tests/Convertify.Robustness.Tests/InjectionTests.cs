using System.Text;
using Convertify.Archive;
using Convertify.Excel;
using Convertify.Formats;
using Convertify.Markdown;
using Convertify.Robustness.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Convertify.Robustness.Tests;

/// <summary>
/// Guarantees "no raw HTML or script in Markdown" and "no formula injection in the catalogue", on hand-written
/// hostile payloads (the fuzz tests check the same on generated ones).
/// </summary>
public sealed class InjectionTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<svg onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>", "<div>raw</div>", "<!-- comment -->", "<?php echo 1; ?>", "<![CDATA[x]]>", "</p><p>",
        "<javascript:alert(1)>", "[x](javascript:alert(1))", "![x](javascript:alert(1))", "[x]: javascript:alert(1)", "<style>*{}</style>",
    ];

    private static readonly ArchiveArticleReader Reader = new();

    [Fact]
    public void Html_looking_text_and_script_links_come_out_escaped_or_dropped()
    {
        var failures = new List<string>();
        foreach (var payload in Payloads)
        {
            var escaped = payload.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
            // The payload as text (must be escaped) and as markup (must be dropped or made harmless).
            var body = $"<p>Text {escaped} end.</p><p>Markup {payload} end.</p><ul><li>{escaped}</li></ul><blockquote><p>{escaped}</p></blockquote>" +
                       $"<table><tr><td colspan=\"2\">{escaped}</td></tr><tr><td>{payload}</td><td><a href=\"javascript:alert(1)\">js</a></td></tr></table>" +
                       $"<h2>{escaped}</h2><p><a href=\"javascript:alert(1)\">{escaped}</a> <a href=\" JAVASCRIPT:alert(1)\">y</a></p>";
            var article = Reader.Read(ArticleInput.FromString("articles/voa/1.md", ArchiveText.Article("T " + payload, "javascript:alert(1)", body)));
            var markdown = new MarkdownArticleWriter().WriteToString(article);
            failures.AddRange(MarkdownSafety.Problems(markdown).Select(p => $"{payload}: {p}"));
            var html = Markdig.Markdown.ToHtml(markdown[(markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..]);
            foreach (var live in LiveParts(html))
            {
                failures.Add($"{payload}: rendered HTML holds {live}");
            }
            if (!html.Contains(escaped.Replace("\"", "&quot;"), StringComparison.Ordinal) && !payload.StartsWith('[') && !payload.StartsWith('!'))
            {
                failures.Add($"{payload}: the text was not kept as visible, escaped text: {html}");
            }
        }
        failures.ShouldBeEmpty();
    }

    private static IEnumerable<string> LiveParts(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            if (element.LocalName is "script" or "style" or "svg" or "iframe" or "img" or "div" or "object")
            {
                yield return $"a live <{element.LocalName}>";
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.LocalName.StartsWith("on", StringComparison.Ordinal) || MarkdownSafety.IsScriptUrl(attribute.Value))
                {
                    yield return $"a live {attribute.LocalName}=\"{attribute.Value}\" on <{element.LocalName}>";
                }
            }
        }
    }

    [Fact]
    public void Catalogue_cells_that_look_like_formulas_stay_text()
    {
        string[] formulas = ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "=HYPERLINK(\"http://x.example\",\"x\")", "\t=1+1", "=cmd|' /C calc'!A0"];
        using var xlsx = new MemoryStream();
        using (var sink = new ExcelCatalogWriter().Open(xlsx, new CatalogOptions(formulas[0])))
        {
            var i = 0;
            foreach (var formula in formulas)
            {
                var body = $"<p>{formula.Replace("&", "&amp;").Replace("<", "&lt;")} body</p>";
                var text = ArchiveText.Article(formula, "https://www.voachinese.com/a/" + i++ + ".html", body);
                sink.Add(Reader.Read(ArticleInput.FromString($"articles/voa/{i}.md", text)), new Dictionary<string, string> { ["md"] = formula + ".md" });
            }
            sink.AddFailure("=1+1.md", "=1+1");
            sink.Complete();
        }

        OpenXmlCheck.XlsxProblems(xlsx.ToArray()).ShouldBeEmpty();
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx.ToArray()), false);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var texts = new List<string>();
        foreach (var cell in document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()))
        {
            cell.CellFormula.ShouldBeNull();
            var type = cell.DataType?.Value;
            if (type == CellValues.SharedString) texts.Add(shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]);
            else if (type == CellValues.InlineString) texts.Add(cell.InlineString!.InnerText);
            else if (type == CellValues.String) texts.Add(cell.CellValue!.Text);
        }
        foreach (var formula in formulas)
        {
            texts.ShouldContain(formula.Trim(), $"the title {formula} should be a text cell");
        }
    }
}
