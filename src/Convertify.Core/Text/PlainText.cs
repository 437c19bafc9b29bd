using System.Collections.Immutable;
using System.Text;
using Convertify.Model;

namespace Convertify.Text;

/// <summary>Extracts the plain text of blocks and inlines, one line per paragraph-like block.</summary>
public static class PlainText
{
    /// <summary>The text of the inlines; line breaks become <c>\n</c>.</summary>
    public static string Of(ImmutableArray<Inline> inlines)
    {
        var builder = new StringBuilder();
        AppendInlines(builder, inlines);
        return builder.ToString();
    }

    /// <summary>The text of the blocks, one line per paragraph, heading, list item, cell row, caption.</summary>
    public static string Of(IEnumerable<Block> blocks)
    {
        var builder = new StringBuilder();
        foreach (var line in Lines(blocks))
        {
            builder.Append(line).Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>The text lines of the blocks in reading order (figure captions and credits included, embeds excluded).</summary>
    public static IEnumerable<string> Lines(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    yield return Of(p.Inlines);
                    break;
                case HeadingBlock h:
                    yield return Of(h.Inlines);
                    break;
                case FigureBlock f:
                    if (f.Caption.Length > 0) yield return f.Caption;
                    if (f.Credit.Length > 0) yield return f.Credit;
                    break;
                case QuoteBlock q:
                    foreach (var line in Lines(q.Blocks)) yield return line;
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        foreach (var line in Lines(item.Blocks)) yield return line;
                    }
                    break;
                case TableBlock t:
                    if (t.Caption.Length > 0) yield return t.Caption;
                    foreach (var row in t.Rows)
                    {
                        yield return string.Join(" ", row.Cells.Select(c => Of(c.Inlines)));
                    }
                    break;
            }
        }
    }

    private static void AppendInlines(StringBuilder builder, ImmutableArray<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    builder.Append(t.Text);
                    break;
                case StrongInline s:
                    AppendInlines(builder, s.Inlines);
                    break;
                case EmphasisInline e:
                    AppendInlines(builder, e.Inlines);
                    break;
                case LinkInline l:
                    AppendInlines(builder, l.Inlines);
                    break;
                case LineBreakInline:
                    builder.Append('\n');
                    break;
            }
        }
    }
}
