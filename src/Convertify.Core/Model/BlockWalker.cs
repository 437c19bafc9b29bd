namespace Convertify.Model;

/// <summary>Walks a body's block tree (quotes and list items included) for the blocks writers and counters need.</summary>
public static class BlockWalker
{
    /// <summary>Every figure of <paramref name="blocks"/> in reading order, including those inside quotes and lists.</summary>
    public static IEnumerable<FigureBlock> Figures(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case FigureBlock f:
                    yield return f;
                    break;
                case QuoteBlock q:
                    foreach (var f in Figures(q.Blocks)) yield return f;
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        foreach (var f in Figures(item.Blocks)) yield return f;
                    }
                    break;
            }
        }
    }
}
