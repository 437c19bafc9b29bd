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

    /// <summary>How many documents Markdig refused (too deeply nested) and were checked lexically instead.</summary>
    public static int LexicalChecks;

    public static List<string> Problems(string markdown)
    {
        var problems = new List<string>();
        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException e) when (e.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            // Markdig (not CommonMark) refuses paragraphs with tens of thousands of emphasis runs.
            Interlocked.Increment(ref LexicalChecks);
            return LexicalProblems(markdown);
        }
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

    /// <summary>
    /// A stricter check that needs no parser: outside the writer's table blocks, every '&lt;' that could start a
    /// tag must be backslash-escaped, and no link destination may be a script URL.
    /// </summary>
    internal static List<string> LexicalProblems(string markdown)
    {
        var problems = new List<string>();
        System.Text.StringBuilder? table = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (table is null && line.StartsWith("<table>", StringComparison.Ordinal))
            {
                table = new System.Text.StringBuilder();
            }
            if (table is not null)
            {
                table.Append(line).Append('\n');
                if (line.EndsWith("</table>", StringComparison.Ordinal))
                {
                    CheckTable(table.ToString(), problems);
                    table = null;
                }
                continue;
            }
            for (var i = line.IndexOf('<'); i >= 0; i = line.IndexOf('<', i + 1))
            {
                var slashes = 0;
                for (var j = i - 1; j >= 0 && line[j] == '\\'; j--) slashes++;
                var next = i + 1 < line.Length ? line[i + 1] : ' ';
                if (slashes % 2 == 0 && (char.IsAsciiLetter(next) || next is '/' or '!' or '?'))
                {
                    problems.Add($"unescaped '<' that may open raw HTML: '{Shorten(line[i..])}'");
                    break;
                }
            }
            if (line.Contains("](javascript:", StringComparison.OrdinalIgnoreCase) || line.Contains("<javascript:", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"script URL in '{Shorten(line)}'");
            }
        }
        return problems;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
