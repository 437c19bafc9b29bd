using AngleSharp.Dom;
using Convertify.Text;

namespace Convertify.Archive.Html;

/// <summary>
/// The statistics pass: for every element, bottom-up, its visible text length (capped), its distinct real images,
/// whether text comes before the first one, and its block count; the converter reads them to recognise figures.
/// Iterative, so deep nesting cannot overflow the stack.
/// </summary>
internal static class NodeStatsPass
{
    /// <summary>The facts of every element under <paramref name="body"/>; <paramref name="elements"/> (how many there are) sizes the table so it never grows while it is filled.</summary>
    public static Dictionary<IElement, NodeStats> Compute(IElement body, ImageResolver images, int elements)
    {
        var stats = new Dictionary<IElement, NodeStats>(elements, ReferenceEqualityComparer.Instance);
        var stack = new Stack<(IElement Element, bool Done)>();
        stack.Push((body, false));
        while (stack.Count > 0)
        {
            var (e, done) = stack.Pop();
            if (!done)
            {
                stack.Push((e, true));
                if (!IsOpaque(e))
                {
                    var childNodes = e.ChildNodes;
                    for (var childIndex = 0; childIndex < childNodes.Length; childIndex++)
                    {
                        if (childNodes[childIndex] is IElement child)
                        {
                            stack.Push((child, false));
                        }
                    }
                }
                continue;
            }
            stats[e] = Summarise(e, stats, images);
        }
        return stats;
    }

    private static bool IsOpaque(IElement e) =>
        HtmlNames.IsDropped(e.LocalName) || e.LocalName == "picture" || e.LocalName == "img";

    private static NodeStats Summarise(IElement e, Dictionary<IElement, NodeStats> stats, ImageResolver images)
    {
        var name = e.LocalName;
        if (HtmlNames.IsDropped(name) || HtmlNames.IsBoilerplate(e, out _))
        {
            return default;
        }
        if (HtmlNames.IsImage(e))
        {
            var resolved = images.Resolve(e);
            return resolved.IsReal ? new NodeStats(0, 1, resolved.Url, false, 0) : default;
        }
        var noscript = name == "noscript";
        int text = 0, imageCount = 0, blocks = name is "p" or "li" or "blockquote" or "table" || HtmlNames.IsHeading(name) ? 1 : 0;
        string? first = null;
        var textBefore = false;
        var children = e.ChildNodes;
        for (var childIndex = 0; childIndex < children.Length; childIndex++)
        {
            var c = children[childIndex];
            if (c is IText t)
            {
                if (noscript)
                {
                    continue;
                }
                var visible = VisibleText.Count(t.Data, NodeStats.TextLengthCap - text);
                if (visible > 0 && imageCount == 0)
                {
                    textBefore = true;
                }
                text = Math.Min(text + visible, NodeStats.TextLengthCap);
            }
            else if (c is IElement child && stats.TryGetValue(child, out var s))
            {
                if (s.TextLength > 0 && imageCount == 0 && (s.Images == 0 || s.TextBeforeImage))
                {
                    textBefore = true;
                }
                if (noscript)
                {
                    s = s with { TextLength = 0 };
                }
                text = Math.Min(text + s.TextLength, NodeStats.TextLengthCap);
                blocks += s.Blocks;
                if (s.Images > 0)
                {
                    if (first is null)
                    {
                        first = s.FirstImage;
                        imageCount = s.Images;
                    }
                    else
                    {
                        imageCount += s.Images == 1 && s.FirstImage == first ? 0 : s.Images;
                    }
                }
            }
        }
        return new NodeStats(text, imageCount, first, textBefore, blocks);
    }
}
