using System.Collections.Immutable;
using AngleSharp.Dom;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>Figures: an image or figure wrapper becomes one figure, its other text the caption and credit; a caption-like next sibling may caption it.</summary>
internal sealed partial class BodyConverter
{
    private const int GenericFigureMaxText = 300; // must stay below NodeStats.TextLengthCap

    private void VisitNoscript(IElement e, BlockContext context)
    {
        // A parser without scripting reads <noscript> content as markup: keep only the real images (lazy-loading fallbacks).
        foreach (var image in ImagesUnder(e, intoDropped: true))
        {
            EmitFigureUnit(image, context, imageOnly: true);
        }
    }

    private bool IsFigureUnit(IElement e)
    {
        if (!_stats.TryGetValue(e, out var stats) || stats.Images != 1)
        {
            return false;
        }
        if (HtmlNames.IsExplicitFigure(e))
        {
            return true;
        }
        if (e.LocalName is "body" or "ul" or "ol" or "li" or "table" or "blockquote" or "a" || HtmlNames.IsHeading(e.LocalName))
        {
            return false;
        }
        return !stats.TextBeforeImage && stats.TextLength <= GenericFigureMaxText && stats.Blocks <= 2;
    }

    /// <summary>A &lt;figure&gt; whose image the feed lost (nyt's literal "Image" label and a caption): its caption is kept as text.</summary>
    private bool IsImagelessFigure(IElement e) =>
        e.LocalName == "figure" && _stats.TryGetValue(e, out var stats) && stats.Images == 0 && stats.Blocks == 0 && stats.TextLength > 0;

    /// <summary>Emits one figure for an image or a figure wrapper; its other text becomes caption and credit.</summary>
    private void EmitFigureUnit(IElement unit, BlockContext context, bool imageOnly)
    {
        var image = imageOnly ? unit : FindImage(unit);
        var resolved = image is null ? null : _images.Resolve(image);
        string caption = string.Empty, credit = string.Empty;
        if (!imageOnly)
        {
            (caption, credit) = CaptionCollector.Collect(unit, image);
        }
        if (resolved is null || !resolved.IsReal)
        {
            if (resolved?.DropCode is { } code)
            {
                _warnings.Add(code, code switch
                {
                    "image.placeholder-dropped" => "lazy-loading placeholder image without a real source dropped",
                    "image.tracking-pixel-dropped" => "tracking pixel dropped",
                    "image.icon-dropped" => "decorative icon image dropped",
                    "image.separator-dropped" => "decorative separator line image dropped",
                    "image.share-card-dropped" => "the site's generic social-media card image dropped",
                    "html.malformed" => "malformed image tag could not be recovered",
                    _ => "image without a usable source dropped",
                });
            }
            AddCaptionText(context, caption, credit);
            return;
        }
        if (resolved.DropCode == "html.malformed")
        {
            _warnings.Add("html.malformed", "image URL recovered from a malformed tag");
        }
        var url = resolved.Url!;
        if (!_figureUrls.Add(url))
        {
            _warnings.Add("image.duplicate-dropped", "repeated image (lazy-loading duplicate) dropped");
            if ((caption.Length > 0 || credit.Length > 0) && !AttachCaption(context, url, caption, credit))
            {
                // The image was shown earlier with another caption: keep this caption's words as text.
                AddCaptionText(context, caption, credit);
            }
            return;
        }
        Flush(context);
        AddBlock(context, new FigureBlock(url, resolved.Alt, caption, credit));
        context.FigureAwaitingCaption = caption.Length == 0 ? context.Blocks.Count - 1 : -1;
    }

    /// <summary>A caption and credit without their image: kept as a paragraph of text.</summary>
    private void AddCaptionText(BlockContext context, string caption, string credit)
    {
        if (caption.Length == 0 && credit.Length == 0)
        {
            return;
        }
        Flush(context);
        var text = credit.Length == 0 ? caption : caption.Length == 0 ? credit : caption + " " + credit;
        AddBlock(context, new ParagraphBlock([new TextInline(text)]));
    }

    /// <summary>Gives a recent figure of the same image the caption it lacked; false when that would lose words.</summary>
    private static bool AttachCaption(BlockContext context, string url, string caption, string credit)
    {
        for (var i = context.Blocks.Count - 1; i >= 0 && i >= context.Blocks.Count - 3; i--)
        {
            if (context.Blocks[i] is FigureBlock f && f.ImageUrl == url)
            {
                var captionFits = caption.Length == 0 || f.Caption.Length == 0 || f.Caption == caption;
                var creditFits = credit.Length == 0 || f.Credit.Length == 0 || f.Credit == credit;
                if (!captionFits || !creditFits)
                {
                    return false;
                }
                context.Blocks[i] = f with
                {
                    Caption = f.Caption.Length == 0 ? caption : f.Caption,
                    Credit = f.Credit.Length == 0 ? credit : f.Credit,
                };
                return true;
            }
        }
        return false;
    }

    /// <summary>The figure's image: its first real image, else its first image.</summary>
    private IElement? FindImage(IElement unit)
    {
        IElement? fallback = null;
        foreach (var image in ImagesUnder(unit, intoDropped: false))
        {
            if (_images.Resolve(image).IsReal)
            {
                return image;
            }
            fallback ??= image;
        }
        return fallback;
    }

    /// <summary>
    /// The images under <paramref name="root"/>, not looking inside an image, nor inside dropped elements unless
    /// <paramref name="intoDropped"/>; each level's images come last to first, before the levels below.
    /// </summary>
    private static IEnumerable<IElement> ImagesUnder(IElement root, bool intoDropped)
    {
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var childNodes = stack.Pop().ChildNodes;
            for (var childIndex = childNodes.Length - 1; childIndex >= 0; childIndex--)
            {
                if (childNodes[childIndex] is not IElement child)
                {
                    continue;
                }
                if (HtmlNames.IsImage(child))
                {
                    yield return child;
                }
                else if (intoDropped || !HtmlNames.IsDropped(child.LocalName))
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>After a figure, a caption-like next sibling (&lt;small&gt;, &lt;figcaption&gt;, a caption class, a small centred span) becomes its caption.</summary>
    private int TryAttachCaption(INodeList nodes, int current, BlockContext context)
    {
        var nextIndex = current + 1;
        while (nextIndex < nodes.Length && (nodes[nextIndex] is IText t && string.IsNullOrWhiteSpace(t.Data) || nodes[nextIndex] is IComment))
        {
            nextIndex++;
        }
        var next = nextIndex < nodes.Length ? nodes[nextIndex] : null;
        if (next is not IElement element || !CaptionCollector.IsCaptionLike(element)
            || (_stats.TryGetValue(element, out var nextStats) && nextStats.Images > 0))
        {
            if (next is IElement || next is IText)
            {
                context.FigureAwaitingCaption = -1;
            }
            return current;
        }
        var index = context.FigureAwaitingCaption;
        context.FigureAwaitingCaption = -1;
        if (index < 0 || index != context.Blocks.Count - 1 || context.Inline.HasContent || context.Blocks[index] is not FigureBlock figure)
        {
            return current;
        }
        var (caption, credit) = CaptionCollector.Collect(element, null);
        if (caption.Length > 0 || credit.Length > 0)
        {
            context.Blocks[index] = figure with { Caption = caption, Credit = figure.Credit.Length == 0 ? credit : figure.Credit };
        }
        return nextIndex;
    }
}
