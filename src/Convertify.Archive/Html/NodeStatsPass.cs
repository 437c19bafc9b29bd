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
    /// <summary>
    /// The facts the converter asks about under <paramref name="body"/>: those of every element with a real image, and of
    /// every figure and link. An element missing from the table has no real image (<c>default</c> facts would say the same
    /// to every question the converter asks of it). Dropped and boilerplate elements count nothing, and images nothing but
    /// themselves, so the pass does not go inside them (nor does the converter).
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="images">Resolves the images met.</param>
    /// <param name="boilerplate">
    /// The boilerplate elements met, with their reasons: the converter reaches no element this pass did not, so it need not
    /// ask again. Null when the pass did not go inside <paramref name="body"/> (a parsed body always is gone into).
    /// </param>
    public static Dictionary<IElement, NodeStats> Compute(IElement body, ImageResolver images, out Dictionary<IElement, string>? boilerplate)
    {
        var stats = new Dictionary<IElement, NodeStats>(ReferenceEqualityComparer.Instance);
        var frames = new Frame[16];
        var met = new Dictionary<IElement, string>(ReferenceEqualityComparer.Instance);
        boilerplate = null;
        if (!TryEnter(body, images, stats, met, out _, out frames[0]))
        {
            return stats;
        }
        boilerplate = met;
        var depth = 1;
        while (depth > 0)
        {
            ref var frame = ref frames[depth - 1];
            var children = frame.Children;
            var descended = false;
            while (frame.Next < children.Length)
            {
                var c = children[frame.Next++];
                if (c is IText t)
                {
                    if (frame.Noscript)
                    {
                        continue;
                    }
                    var visible = VisibleText.Count(t.Data, NodeStats.TextLengthCap - frame.Text);
                    if (visible > 0 && frame.ImageCount == 0)
                    {
                        frame.TextBefore = true;
                    }
                    frame.Text = Math.Min(frame.Text + visible, NodeStats.TextLengthCap);
                }
                else if (c is IElement child)
                {
                    if (TryEnter(child, images, stats, met, out var leaf, out var childFrame))
                    {
                        if (depth == frames.Length)
                        {
                            Array.Resize(ref frames, frames.Length * 2);
                        }
                        frames[depth++] = childFrame;
                        descended = true;
                        break;
                    }
                    frame.Add(leaf);
                }
            }
            if (descended)
            {
                continue;
            }
            // All children done: the element's facts, added to its parent's.
            var done = frames[--depth];
            var result = new NodeStats(done.Text, done.ImageCount, done.FirstImage, done.TextBefore, done.Blocks);
            Keep(done.Element, result, stats);
            frames[depth] = default;
            if (depth > 0)
            {
                frames[depth - 1].Add(result);
            }
        }
        return stats;
    }

    /// <summary>
    /// Starts an element: false with its facts when they need no look inside (dropped, boilerplate, an image), else true
    /// with the frame that gathers its children's.
    /// </summary>
    private static bool TryEnter(IElement e, ImageResolver images, Dictionary<IElement, NodeStats> stats, Dictionary<IElement, string> boilerplate,
        out NodeStats leaf, out Frame frame)
    {
        var name = e.LocalName;
        frame = default;
        leaf = default;
        if (HtmlNames.IsDropped(name))
        {
            Keep(e, leaf, stats);
            return false;
        }
        if (HtmlNames.IsBoilerplate(e, out var reason))
        {
            boilerplate[e] = reason!;
            Keep(e, leaf, stats);
            return false;
        }
        if (HtmlNames.IsImage(name))
        {
            var resolved = images.Resolve(e);
            leaf = resolved.IsReal ? new NodeStats(0, 1, resolved.Url, false, 0) : default;
            Keep(e, leaf, stats);
            return false;
        }
        frame = new Frame
        {
            Element = e,
            Children = e.ChildNodes,
            Noscript = name == "noscript",
            Blocks = name is "p" or "li" or "blockquote" or "table" || HtmlNames.IsHeading(name) ? 1 : 0,
        };
        return true;
    }

    /// <summary>Records the facts the converter reads: see <see cref="Compute"/>.</summary>
    private static void Keep(IElement e, NodeStats s, Dictionary<IElement, NodeStats> stats)
    {
        if (s.Images > 0 || e.LocalName is "a" or "figure")
        {
            stats[e] = s;
        }
    }

    /// <summary>An element whose children are being read, with what they have added up to so far.</summary>
    private struct Frame
    {
        public IElement Element;
        public INodeList Children;
        public int Next;
        public bool Noscript;
        public int Text;
        public int ImageCount;
        public string? FirstImage;
        public bool TextBefore;
        public int Blocks;

        public void Add(NodeStats s)
        {
            if (s.TextLength > 0 && ImageCount == 0 && (s.Images == 0 || s.TextBeforeImage))
            {
                TextBefore = true;
            }
            if (Noscript)
            {
                s = s with { TextLength = 0 };
            }
            Text = Math.Min(Text + s.TextLength, NodeStats.TextLengthCap);
            Blocks += s.Blocks;
            if (s.Images > 0)
            {
                if (FirstImage is null)
                {
                    FirstImage = s.FirstImage;
                    ImageCount = s.Images;
                }
                else
                {
                    ImageCount += s.Images == 1 && s.FirstImage == FirstImage ? 0 : s.Images;
                }
            }
        }
    }
}
