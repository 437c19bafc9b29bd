using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Convertify.Robustness.Tests.Support;

/// <summary>
/// Parses written Markdown with Markdig and lists what a renderer would pass through as raw HTML or as a
/// script URL. The only raw HTML allowed is the writer's own spanned-table block with its own tags.
/// </summary>
internal static class MarkdownSafety
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();
    private static readonly HashSet<string> TableTags = ["html", "head", "body", "table", "tbody", "thead", "tr", "td", "th", "strong", "em", "a", "br"];
    private static readonly HashSet<string> TableAttributes = ["colspan", "rowspan", "href", "title"];

    public static List<string> Problems(string markdown)
    {
        var problems = new List<string>();
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    CheckTable(block.Lines.ToString(), problems);
                    break;
                case HtmlInline inline:
                    problems.Add($"raw inline HTML '{inline.Tag}' at line {inline.Line + 1}");
                    break;
                case HtmlEntityInline:
                    break;
                case LinkInline link:
                    CheckUrl(link.Url, problems);
                    break;
                case AutolinkInline autolink:
                    CheckUrl(autolink.Url, problems);
                    break;
            }
        }
        return problems;
    }

    public static bool IsScriptUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return compact.StartsWith("javascript:", StringComparison.Ordinal) || compact.StartsWith("vbscript:", StringComparison.Ordinal)
            || compact.StartsWith("data:text", StringComparison.Ordinal);
    }

    private static void CheckUrl(string? url, List<string> problems)
    {
        if (IsScriptUrl(url))
        {
            problems.Add($"script URL '{url}'");
        }
    }

    private static void CheckTable(string html, List<string> problems)
    {
        if (!html.StartsWith("<table>", StringComparison.Ordinal))
        {
            problems.Add($"raw HTML block that is not the writer's table: '{Shorten(html)}'");
            return;
        }
        var parsed = new HtmlParser().ParseDocument(html);
        foreach (var element in parsed.All)
        {
            var tag = element.LocalName;
            if (!TableTags.Contains(tag))
            {
                problems.Add($"table block holds a <{tag}> element");
            }
            foreach (var attribute in element.Attributes)
            {
                if (!TableAttributes.Contains(attribute.LocalName))
                {
                    problems.Add($"table block holds a {attribute.LocalName}= attribute on <{tag}>");
                }
                else if (attribute.LocalName == "href" && IsScriptUrl(attribute.Value))
                {
                    problems.Add($"table block links to script URL '{attribute.Value}'");
                }
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
