using System.Collections.Immutable;
using Convertify.Model;
using Convertify.Text;

namespace Convertify.Archive.Html;

/// <summary>Final pass over the blocks: removes characters XML forbids and leftover share labels.</summary>
internal static class BodyCleaner
{
    public static ImmutableArray<Block> Clean(ImmutableArray<Block> blocks, WarningLog warnings)
    {
        var removed = 0;
        var result = CleanBlocks(blocks, ref removed, warnings);
        if (removed > 0)
        {
            warnings.Add("text.control-removed", $"{removed} control character(s) or lone surrogate(s) removed from the body");
        }
        return result;
    }

    private static ImmutableArray<Block> CleanBlocks(ImmutableArray<Block> blocks, ref int removed, WarningLog warnings)
    {
        var builder = ImmutableArray.CreateBuilder<Block>(blocks.Length);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock p:
                    var inlines = CleanInlines(p.Inlines, ref removed);
                    if (inlines.Length == 0)
                    {
                        break;
                    }
                    if (IsShareLabel(PlainText.Of(inlines)))
                    {
                        warnings.Add("boilerplate.share", "share buttons removed");
                        break;
                    }
                    builder.Add(p with { Inlines = inlines });
                    break;
                case HeadingBlock h:
                    var heading = CleanInlines(h.Inlines, ref removed);
                    if (heading.Length > 0)
                    {
                        builder.Add(h with { Inlines = heading });
                    }
                    break;
                case FigureBlock f:
                    builder.Add(f with { Alt = Clean(f.Alt, ref removed), Caption = Clean(f.Caption, ref removed), Credit = Clean(f.Credit, ref removed) });
                    break;
                case QuoteBlock q:
                    var inner = CleanBlocks(q.Blocks, ref removed, warnings);
                    if (inner.Length > 0)
                    {
                        builder.Add(q with { Blocks = inner });
                    }
                    break;
                case ListBlock l:
                    var items = ImmutableArray.CreateBuilder<ListItem>();
                    foreach (var item in l.Items)
                    {
                        var itemBlocks = CleanBlocks(item.Blocks, ref removed, warnings);
                        if (itemBlocks.Length > 0)
                        {
                            items.Add(new ListItem(itemBlocks));
                        }
                    }
                    if (items.Count > 0)
                    {
                        builder.Add(l with { Items = items.ToImmutable() });
                    }
                    break;
                case TableBlock t:
                    var rows = ImmutableArray.CreateBuilder<TableRow>();
                    foreach (var row in t.Rows)
                    {
                        var cells = ImmutableArray.CreateBuilder<TableCell>();
                        foreach (var cell in row.Cells)
                        {
                            cells.Add(cell with { Inlines = CleanInlines(cell.Inlines, ref removed) });
                        }
                        rows.Add(row with { Cells = cells.ToImmutable() });
                    }
                    builder.Add(t with { Rows = rows.ToImmutable(), Caption = Clean(t.Caption, ref removed) });
                    break;
                case EmbedBlock e:
                    builder.Add(e with { Title = Clean(e.Title, ref removed) });
                    break;
                default:
                    builder.Add(block);
                    break;
            }
        }
        // A rule at either end of the body separates nothing.
        while (builder.Count > 0 && builder[^1] is RuleBlock)
        {
            builder.RemoveAt(builder.Count - 1);
        }
        return builder.ToImmutable();
    }

    private static bool IsShareLabel(string text) =>
        text.Trim() is "分享 :" or "分享:" or "分享：" or "分享" or "Share" or "Share:" or "Share this";

    private static ImmutableArray<Inline> CleanInlines(ImmutableArray<Inline> inlines, ref int removed)
    {
        var builder = ImmutableArray.CreateBuilder<Inline>(inlines.Length);
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextInline t:
                    var text = Clean(t.Text, ref removed);
                    if (text.Length > 0)
                    {
                        if (builder.Count > 0 && builder[^1] is TextInline previous)
                        {
                            builder[^1] = new TextInline(previous.Text + text);
                        }
                        else
                        {
                            builder.Add(new TextInline(text));
                        }
                    }
                    break;
                case StrongInline s:
                    AddWrapped(builder, CleanInlines(s.Inlines, ref removed), i => s with { Inlines = i });
                    break;
                case EmphasisInline e:
                    AddWrapped(builder, CleanInlines(e.Inlines, ref removed), i => e with { Inlines = i });
                    break;
                case LinkInline l:
                    AddWrapped(builder, CleanInlines(l.Inlines, ref removed), i => l with { Inlines = i });
                    break;
                default:
                    builder.Add(inline);
                    break;
            }
        }
        return builder.ToImmutable();
    }

    private static void AddWrapped(ImmutableArray<Inline>.Builder builder, ImmutableArray<Inline> inner, Func<ImmutableArray<Inline>, Inline> wrap)
    {
        if (inner.Length > 0)
        {
            builder.Add(wrap(inner));
        }
    }

    private static string Clean(string text, ref int removed)
    {
        var cleaned = XmlSafeText.Clean(text, out var n);
        removed += n;
        return cleaned;
    }
}
