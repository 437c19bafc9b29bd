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
                    // Only a short paragraph can be a share label or the stray word.
                    var plain = TextLengthAtMost(inlines, ShortParagraph) ? PlainText.Of(inlines).Trim() : string.Empty;
                    if (IsShareLabel(plain))
                    {
                        warnings.Add("boilerplate.share", "share buttons removed");
                        break;
                    }
                    if (plain == "Array")
                    {
                        // A PHP array printed by the feed generator, not a word of the article.
                        warnings.Add("text.array-artifact-removed", "stray 'Array' text removed");
                        break;
                    }
                    builder.Add(inlines == p.Inlines ? p : p with { Inlines = inlines });
                    break;
                case HeadingBlock h:
                    var heading = CleanInlines(h.Inlines, ref removed);
                    if (heading.Length > 0)
                    {
                        builder.Add(heading == h.Inlines ? h : h with { Inlines = heading });
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

    private const int ShortParagraph = 64;

    private static bool TextLengthAtMost(ImmutableArray<Inline> inlines, int limit)
    {
        var length = 0;
        return Within(inlines);

        bool Within(ImmutableArray<Inline> list)
        {
            foreach (var inline in list)
            {
                length += inline switch
                {
                    TextInline t => t.Text.Length,
                    LineBreakInline => 1,
                    _ => 0,
                };
                if (length > limit || (inline is StrongInline s && !Within(s.Inlines)) || (inline is EmphasisInline e && !Within(e.Inlines))
                    || (inline is LinkInline l && !Within(l.Inlines)))
                {
                    return false;
                }
            }
            return true;
        }
    }

    private static bool IsShareLabel(string text) =>
        text.Trim() is "分享 :" or "分享:" or "分享：" or "分享" or "Share" or "Share:" or "Share this";

    /// <summary>
    /// The inlines with the characters XML forbids removed, empty texts and wrappers dropped, adjacent texts joined and
    /// nested wrappers of one kind merged; <paramref name="inlines"/> itself when that changes nothing (most paragraphs),
    /// so a clean paragraph costs no copy.
    /// </summary>
    private static ImmutableArray<Inline> CleanInlines(ImmutableArray<Inline> inlines, ref int removed)
    {
        // Null while every inline so far is kept as it is; then the inlines up to the first change are copied into it.
        ImmutableArray<Inline>.Builder? builder = null;
        for (var i = 0; i < inlines.Length; i++)
        {
            var inline = inlines[i];
            switch (inline)
            {
                case TextInline t:
                    var text = Clean(t.Text, ref removed);
                    if (KeptAsIs(builder, inlines, i, text.Length > 0 && ReferenceEquals(text, t.Text)))
                    {
                        break;
                    }
                    builder ??= CopyBefore(inlines, i);
                    if (text.Length > 0)
                    {
                        AddJoined(builder, ReferenceEquals(text, t.Text) ? t : new TextInline(text));
                    }
                    break;
                case StrongInline s:
                    var strong = Unnest<StrongInline>(CleanInlines(s.Inlines, ref removed), x => x.Inlines);
                    if (KeptAsIs(builder, inlines, i, strong.Length > 0 && strong == s.Inlines))
                    {
                        break;
                    }
                    builder ??= CopyBefore(inlines, i);
                    AddMerged(builder, strong, content => new StrongInline(content), x => x.Inlines);
                    break;
                case EmphasisInline e:
                    var emphasis = Unnest<EmphasisInline>(CleanInlines(e.Inlines, ref removed), x => x.Inlines);
                    if (KeptAsIs(builder, inlines, i, emphasis.Length > 0 && emphasis == e.Inlines))
                    {
                        break;
                    }
                    builder ??= CopyBefore(inlines, i);
                    AddMerged(builder, emphasis, content => new EmphasisInline(content), x => x.Inlines);
                    break;
                case LinkInline l:
                    var linked = CleanInlines(l.Inlines, ref removed);
                    if (KeptAsIs(builder, inlines, i, linked.Length > 0 && linked == l.Inlines))
                    {
                        break;
                    }
                    builder ??= CopyBefore(inlines, i);
                    if (linked.Length > 0)
                    {
                        builder.Add(l with { Inlines = linked });
                    }
                    break;
                default:
                    builder?.Add(inline);
                    break;
            }
        }
        return builder is null ? inlines : builder.ToImmutable();
    }

    /// <summary>
    /// Whether inline <paramref name="i"/> stays where it is as it is: nothing before it changed (no builder yet),
    /// cleaning left it <paramref name="unchanged"/> and not empty, and it does not join the inline before it (a text
    /// joins a text, a wrapper one of its kind; links never join).
    /// </summary>
    private static bool KeptAsIs(ImmutableArray<Inline>.Builder? builder, ImmutableArray<Inline> inlines, int i, bool unchanged) =>
        builder is null && unchanged && (i == 0 || inlines[i] is LinkInline || inlines[i - 1].GetType() != inlines[i].GetType());

    /// <summary>A builder holding the first <paramref name="count"/> of <paramref name="inlines"/>.</summary>
    private static ImmutableArray<Inline>.Builder CopyBefore(ImmutableArray<Inline> inlines, int count)
    {
        var builder = ImmutableArray.CreateBuilder<Inline>(inlines.Length);
        for (var i = 0; i < count; i++)
        {
            builder.Add(inlines[i]);
        }
        return builder;
    }

    /// <summary>Strong inside strong (or emphasis inside emphasis) adds nothing: its content moves up.</summary>
    private static ImmutableArray<Inline> Unnest<T>(ImmutableArray<Inline> inlines, Func<T, ImmutableArray<Inline>> content) where T : Inline
    {
        if (!inlines.Any(i => i is T))
        {
            return inlines;
        }
        var builder = ImmutableArray.CreateBuilder<Inline>();
        foreach (var inline in inlines)
        {
            foreach (var item in inline is T nested ? content(nested) : [inline])
            {
                AddJoined(builder, item);
            }
        }
        return builder.ToImmutable();
    }

    /// <summary>Adds a wrapper, merging it into an adjacent wrapper of the same kind (<c>**a****b**</c> becomes <c>**ab**</c>).</summary>
    private static void AddMerged<T>(ImmutableArray<Inline>.Builder builder, ImmutableArray<Inline> inner, Func<ImmutableArray<Inline>, T> wrap, Func<T, ImmutableArray<Inline>> content) where T : Inline
    {
        if (inner.Length == 0)
        {
            return;
        }
        if (builder.Count > 0 && builder[^1] is T previous)
        {
            var merged = content(previous).ToBuilder();
            foreach (var item in inner)
            {
                AddJoined(merged, item);
            }
            builder[^1] = wrap(merged.ToImmutable());
            return;
        }
        builder.Add(wrap(inner));
    }

    /// <summary>Adds <paramref name="item"/>; a text right after a text joins it.</summary>
    private static void AddJoined(ImmutableArray<Inline>.Builder builder, Inline item)
    {
        if (item is TextInline t && builder.Count > 0 && builder[^1] is TextInline previous)
        {
            builder[^1] = new TextInline(previous.Text + t.Text);
        }
        else
        {
            builder.Add(item);
        }
    }

    private static string Clean(string text, ref int removed)
    {
        var cleaned = XmlSafeText.Clean(text, out var n);
        removed += n;
        return cleaned;
    }
}
