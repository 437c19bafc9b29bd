using System.Collections.Immutable;
using AngleSharp.Dom;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>Lists and quotes: blocks holding blocks.</summary>
internal sealed partial class BodyConverter
{
    private void VisitList(IElement e, BlockContext context, int depth)
    {
        Flush(context);
        var items = ImmutableArray.CreateBuilder<ListItem>();
        BlockContext? loose = null;
        var nodes = e.ChildNodes;
        for (var nodeIndex = 0; nodeIndex < nodes.Length; nodeIndex++)
        {
            var node = nodes[nodeIndex];
            if (node is IElement { LocalName: "li" } li)
            {
                if (loose is not null)
                {
                    AddItem(items, loose);
                    loose = null;
                }
                AddItem(items, ConvertChildren(li, depth + 1));
            }
            else
            {
                loose ??= new BlockContext();
                Walk(node, loose, depth);
            }
        }
        if (loose is not null)
        {
            AddItem(items, loose);
        }
        if (items.Count > 0)
        {
            var ordered = e.LocalName == "ol";
            var start = ordered && int.TryParse(e.GetAttribute("start"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1;
            AddBlock(context, new ListBlock(ordered, items.ToImmutable(), start));
        }
    }

    private static void AddItem(ImmutableArray<ListItem>.Builder items, BlockContext item)
    {
        var inline = item.Inline.Take();
        if (inline.Length > 0)
        {
            item.Blocks.Add(new ParagraphBlock(inline));
        }
        if (item.Blocks.Count > 0)
        {
            items.Add(new ListItem([.. item.Blocks]));
        }
    }

    private void VisitQuote(IElement e, BlockContext context, int depth)
    {
        Flush(context);
        var inner = ConvertChildren(e, depth);
        if (inner.Blocks.Count > 0)
        {
            AddBlock(context, new QuoteBlock([.. inner.Blocks]));
        }
    }
}
