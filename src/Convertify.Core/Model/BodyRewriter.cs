using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>
/// Maps every block and inline of a body, at any depth: blocks inside quotes and list items, inlines inside paragraphs,
/// headings, table cells, links, strong and emphasis. For whole articles use <see cref="Article.RewriteBody"/>, which
/// also re-derives the statistics, description and lead image.
/// </summary>
public static class BodyRewriter
{
    /// <summary>
    /// The body with every node passed through the maps, children first: a map sees a quote, list, paragraph or link
    /// whose content is already mapped. A map that returns null removes the node; a link whose text was all removed is
    /// removed too (a link has text). Nodes that no map changed are kept as the same instances.
    /// </summary>
    /// <param name="blocks">The body.</param>
    /// <param name="block">Maps a block; null to keep blocks as they are.</param>
    /// <param name="inline">Maps an inline; null to keep inlines as they are.</param>
    public static ImmutableArray<Block> Rewrite(ImmutableArray<Block> blocks, Func<Block, Block?>? block = null, Func<Inline, Inline?>? inline = null)
    {
        var rewriter = new Rewriting(block ?? Keep, inline ?? Keep);
        return rewriter.Blocks(blocks.IsDefault ? [] : blocks);
    }

    private static T Keep<T>(T node) => node;

    private sealed class Rewriting(Func<Block, Block?> mapBlock, Func<Inline, Inline?> mapInline)
    {
        public ImmutableArray<Block> Blocks(ImmutableArray<Block> blocks) => Map(blocks, Block);

        private Block? Block(Block block) => mapBlock(block switch
        {
            ParagraphBlock p => WithInlines(p, p.Inlines, i => p with { Inlines = i }),
            HeadingBlock h => WithInlines(h, h.Inlines, i => h with { Inlines = i }),
            QuoteBlock q => WithBlocks(q, q.Blocks, b => q with { Blocks = b }),
            ListBlock l => Map(l.Items, Item) is var items && Same(l.Items, items) ? l : l with { Items = items },
            TableBlock t => Map(t.Rows, Row) is var rows && Same(t.Rows, rows) ? t : t with { Rows = rows },
            _ => block,
        });

        private ListItem? Item(ListItem item) => WithBlocks(item, item.Blocks, b => item with { Blocks = b });

        private TableRow? Row(TableRow row) => Map(row.Cells, Cell) is var cells && Same(row.Cells, cells) ? row : row with { Cells = cells };

        private TableCell? Cell(TableCell cell) => WithInlines(cell, cell.Inlines, i => cell with { Inlines = i });

        private ImmutableArray<Inline> Inlines(ImmutableArray<Inline> inlines) => Map(inlines, Inline);

        private Inline? Inline(Inline inline)
        {
            var children = inline switch
            {
                LinkInline l => l.Inlines,
                StrongInline s => s.Inlines,
                EmphasisInline e => e.Inlines,
                _ => default,
            };
            if (children.IsDefault)
            {
                return mapInline(inline);
            }
            var mapped = Inlines(children);
            if (inline is LinkInline && mapped.IsEmpty && !children.IsEmpty)
            {
                return null;
            }
            return mapInline(Same(children, mapped) ? inline : inline switch
            {
                LinkInline l => l with { Inlines = mapped },
                StrongInline s => s with { Inlines = mapped },
                _ => ((EmphasisInline)inline) with { Inlines = mapped },
            });
        }

        private T WithInlines<T>(T node, ImmutableArray<Inline> inlines, Func<ImmutableArray<Inline>, T> rebuild) =>
            Inlines(inlines) is var mapped && Same(inlines, mapped) ? node : rebuild(mapped);

        private T WithBlocks<T>(T node, ImmutableArray<Block> blocks, Func<ImmutableArray<Block>, T> rebuild) =>
            Blocks(blocks) is var mapped && Same(blocks, mapped) ? node : rebuild(mapped);

        // Keeps the original array when every element came back as the same instance, so untouched subtrees are shared.
        private static ImmutableArray<T> Map<T>(ImmutableArray<T> items, Func<T, T?> map) where T : class
        {
            if (items.IsDefault)
            {
                return [];
            }
            ImmutableArray<T>.Builder? changed = null;
            for (var i = 0; i < items.Length; i++)
            {
                var mapped = map(items[i]);
                if (changed is null && ReferenceEquals(mapped, items[i]))
                {
                    continue;
                }
                if (changed is null)
                {
                    changed = ImmutableArray.CreateBuilder<T>(items.Length);
                    for (var j = 0; j < i; j++)
                    {
                        changed.Add(items[j]);
                    }
                }
                if (mapped is not null)
                {
                    changed.Add(mapped);
                }
            }
            return changed is null ? items : changed.ToImmutable();
        }

        private static bool Same<T>(ImmutableArray<T> left, ImmutableArray<T> right) => left == right;
    }
}
