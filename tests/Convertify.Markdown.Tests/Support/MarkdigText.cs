using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Convertify.Markdown.Tests.Support;

/// <summary>Reads Markdown back with Markdig: plain text, styled characters, raw HTML and front matter.</summary>
internal static class MarkdigText
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>The front matter's YAML text (between the --- lines), or null.</summary>
    public static string? FrontMatter(MarkdownDocument document)
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            return null;
        }
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()).ToList();
        return string.Join("\n", lines.Where(l => l != "---" && l != "...")) + "\n";
    }

    /// <summary>
    /// Plain text of the body in document order: one line per leaf block, table rows as cells joined by spaces,
    /// HTML blocks as their tag-stripped text, hard breaks as newlines.
    /// </summary>
    public static string PlainText(MarkdownDocument document)
    {
        var builder = new StringBuilder();
        AppendBlocks(builder, document);
        return builder.ToString();
    }

    private static void AppendBlocks(StringBuilder builder, ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case YamlFrontMatterBlock or ThematicBreakBlock:
                    break;
                case HtmlBlock html:
                    var raw = string.Join("\n", html.Lines.Lines.Take(html.Lines.Count).Select(l => l.ToString()));
                    var stripped = System.Text.RegularExpressions.Regex.Replace(raw, "<[^>]*>", " ");
                    builder.Append(System.Net.WebUtility.HtmlDecode(stripped)).Append('\n');
                    break;
                case Table table:
                    foreach (var row in table.OfType<TableRow>())
                    {
                        builder.AppendJoin(' ', row.OfType<TableCell>().Select(c =>
                        {
                            var cell = new StringBuilder();
                            foreach (var leaf in c.Descendants<LeafBlock>())
                            {
                                if (leaf.Inline is not null) AppendInlines(cell, leaf.Inline);
                            }
                            return cell.ToString();
                        }));
                        builder.Append('\n');
                    }
                    break;
                case ContainerBlock child:
                    AppendBlocks(builder, child);
                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    AppendInlines(builder, leaf.Inline);
                    builder.Append('\n');
                    break;
            }
        }
    }

    /// <summary>The text of inlines; images contribute their alt text.</summary>
    public static string InlineText(ContainerInline inline)
    {
        var builder = new StringBuilder();
        AppendInlines(builder, inline);
        return builder.ToString();
    }

    private static void AppendInlines(StringBuilder builder, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    builder.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case HtmlInline html:
                    builder.Append(html.Tag);
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case ContainerInline child:
                    AppendInlines(builder, child);
                    break;
            }
        }
    }

    /// <summary>Each text character with the styles around it: 'S' strong, 'E' emphasis, 'L' link.</summary>
    public static List<(char Char, string Style)> StyledChars(ContainerInline container, string style = "")
    {
        var result = new List<(char, string)>();
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    foreach (var c in literal.Content.ToString()) result.Add((c, style));
                    break;
                case EmphasisInline emphasis:
                    var mark = emphasis.DelimiterCount >= 2 ? "S" : "E";
                    result.AddRange(StyledChars(emphasis, Normalise(style + mark)));
                    break;
                case LinkInline link:
                    result.AddRange(StyledChars(link, Normalise(style + "L")));
                    break;
                case LineBreakInline:
                    result.Add(('\n', style));
                    break;
                case ContainerInline child:
                    result.AddRange(StyledChars(child, style));
                    break;
            }
        }
        return result;
    }

    public static string Normalise(string style) => new(style.Distinct().Order().ToArray());

    /// <summary>Every node of a type, in document order.</summary>
    public static IEnumerable<T> All<T>(MarkdownDocument document) where T : MarkdownObject => document.Descendants<T>();

    /// <summary>Links (not images) of a document.</summary>
    public static IEnumerable<LinkInline> Links(MarkdownDocument document) => document.Descendants<LinkInline>().Where(l => !l.IsImage);

    /// <summary>Images of a document.</summary>
    public static IEnumerable<LinkInline> Images(MarkdownDocument document) => document.Descendants<LinkInline>().Where(l => l.IsImage);

    /// <summary>Raw HTML in a document (blocks and inlines).</summary>
    public static IEnumerable<string> RawHtml(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<HtmlBlock>())
        {
            yield return "block: " + string.Join("\\n", block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
        }
        foreach (var inline in document.Descendants<HtmlInline>())
        {
            yield return "inline: " + inline.Tag;
        }
    }
}
