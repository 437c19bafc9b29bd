using System.Collections.Immutable;
using System.Text;
using Convertify.Model;

namespace Convertify.Text;

/// <summary>Extracts the plain text of blocks and inlines, one line per paragraph-like block.</summary>
public static class PlainText
{
    private const int MaxKeptBuilderCapacity = 64 * 1024;

    // The builder Of writes into, kept per thread: a body's text and its paragraphs' are built for every article, and a
    // new builder would allocate its chunks and copy them again each time.
    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>The text of the inlines; line breaks become <c>\n</c>.</summary>
    public static string Of(ImmutableArray<Inline> inlines)
    {
        var builder = RentBuilder();
        AppendInlines(builder, inlines);
        return ToStringAndReturn(builder);
    }

    /// <summary>The text of the blocks, one line per paragraph, heading, list item, cell row, caption.</summary>
    public static string Of(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var builder = RentBuilder();
        AppendBlocks(builder, blocks);
        return ToStringAndReturn(builder);
    }

    private static StringBuilder RentBuilder()
    {
        var builder = t_builder ?? new StringBuilder(256);
        t_builder = null;
        return builder;
    }

    private static string ToStringAndReturn(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= MaxKeptBuilderCapacity)
        {
            builder.Clear();
            t_builder = builder;
        }
        return text;
    }

    /// <summary>Appends what <see cref="Of(IEnumerable{Block})"/> returns, without a string per line.</summary>
    public static void AppendBlocks(StringBuilder builder, IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    AppendInlines(builder, p.Inlines);
                    builder.Append('\n');
                    break;
                case HeadingBlock h:
                    AppendInlines(builder, h.Inlines);
                    builder.Append('\n');
                    break;
                case FigureBlock f:
                    if (f.Caption.Length > 0) builder.Append(f.Caption).Append('\n');
                    if (f.Credit.Length > 0) builder.Append(f.Credit).Append('\n');
                    break;
                case QuoteBlock q:
                    AppendBlocks(builder, q.Blocks);
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        AppendBlocks(builder, item.Blocks);
                    }
                    break;
                case TableBlock t:
                    if (t.Caption.Length > 0) builder.Append(t.Caption).Append('\n');
                    foreach (var row in t.Rows)
                    {
                        for (var i = 0; i < row.Cells.Length; i++)
                        {
                            if (i > 0) builder.Append(' ');
                            AppendInlines(builder, row.Cells[i].Inlines);
                        }
                        builder.Append('\n');
                    }
                    break;
            }
        }
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

    /// <summary>
    /// <paramref name="text"/> with every run of white space (line ends included) as one space, and none at either end;
    /// empty for null.
    /// </summary>
    public static string CollapseWhiteSpace(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }
        if (IsCollapsed(text))
        {
            // Most text (a paragraph, a description already collapsed once): nothing to change, nothing to copy.
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds no white space but single plain spaces between other characters.</summary>
    private static bool IsCollapsed(string text)
    {
        // True at the start: white space there is not collapsed either.
        var afterSpace = true;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                afterSpace = false;
            }
            else if (afterSpace || c != ' ')
            {
                return false;
            }
            else
            {
                afterSpace = true;
            }
        }
        return !afterSpace;
    }
}
