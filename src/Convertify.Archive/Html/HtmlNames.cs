using System.Buffers;
using AngleSharp.Dom;

namespace Convertify.Archive.Html;

/// <summary>Element classification shared by the passes over the body.</summary>
internal static class HtmlNames
{
    private static readonly string[] HiddenClassParts =
    [
        "visually-hidden", "visuallyhidden", "off-screen", "offscreen", "sr-only", "screen-reader", "screenreader",
        "a2a_", "addtoany", "o-ads", "mpu-ad", "bbccom_slot", "advert", "ad-slot", "social-share", "share-button",
        "sharing", "o-self-promo", "sharedaddy", "jp-relatedposts",
    ];

    // Every element's class attribute is searched for all the parts: one vectorised multi-string search, not twenty.
    private static readonly SearchValues<string> HiddenClassSearch = SearchValues.Create(HiddenClassParts, StringComparison.OrdinalIgnoreCase);

    public static bool IsDropped(string name) => name is "script" or "style" or "template" or "head" or "meta" or "link" or "title"
        or "button" or "input" or "select" or "textarea" or "form" or "nav" or "svg" or "canvas" or "map" or "object" or "embed"
        or "param" or "track" or "base" or "dialog" or "math";

    public static bool IsHeading(string name) => name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';

    public static bool IsBlockContainer(string name) => name is "div" or "section" or "article" or "main" or "header" or "footer"
        or "aside" or "center" or "address" or "figcaption" or "dl" or "dd" or "dt" or "details" or "summary" or "fieldset"
        or "pre" or "body" or "html" or "li" or "caption" or "hgroup" or "legend" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th"
        or "frameset" or "noframes" or "menu";

    /// <summary>True for ads, share blocks, screen-reader-only labels and other non-content wrappers.</summary>
    public static bool IsBoilerplate(IElement element, out string? reason)
    {
        reason = null;
        var name = element.LocalName;
        if (name.Contains('-') && name.Contains("share", StringComparison.Ordinal))
        {
            reason = "share";
            return true;
        }
        var attributes = element.Attributes;
        for (var attributeIndex = 0; attributeIndex < attributes.Length; attributeIndex++)
        {
            var attribute = attributes[attributeIndex]!;
            var attr = attribute.Name;
            var value = attribute.Value;
            switch (attr)
            {
                case "class":
                    if (!value.AsSpan().ContainsAny(HiddenClassSearch))
                    {
                        break;
                    }
                    foreach (var part in HiddenClassParts)
                    {
                        if (value.Contains(part, StringComparison.OrdinalIgnoreCase))
                        {
                            reason = part is "a2a_" or "addtoany" or "social-share" or "share-button" or "sharing" or "sharedaddy" ? "share"
                                : part.Contains("ad", StringComparison.Ordinal) && !part.Contains("hidden", StringComparison.Ordinal) || part is "bbccom_slot" or "o-self-promo" ? "ad" : "hidden";
                            return true;
                        }
                    }
                    break;
                case "aria-label":
                    if (value.Contains("广告", StringComparison.Ordinal) || value.Contains("廣告", StringComparison.Ordinal)
                        || value.StartsWith("advert", StringComparison.OrdinalIgnoreCase))
                    {
                        reason = "ad";
                        return true;
                    }
                    break;
                case "data-e2e":
                    if (value.Contains("advert", StringComparison.OrdinalIgnoreCase))
                    {
                        reason = "ad";
                        return true;
                    }
                    break;
                case "hidden":
                    reason = "hidden";
                    return true;
                case "style":
                    if (value.Contains("display:none", StringComparison.OrdinalIgnoreCase) || value.Contains("display: none", StringComparison.OrdinalIgnoreCase))
                    {
                        reason = "hidden";
                        return true;
                    }
                    break;
                case "data-root-share":
                    reason = "share";
                    return true;
                default:
                    if (attr.StartsWith("data-o-ads", StringComparison.Ordinal) || attr.StartsWith("data-selfpromo", StringComparison.Ordinal))
                    {
                        reason = "ad";
                        return true;
                    }
                    break;
            }
        }
        return false;
    }

    /// <summary>An element that is an image: <c>img</c>, <c>picture</c>, or a malformed tag glued to its attribute (<c>&lt;imgsrc=…</c>).</summary>
    public static bool IsImage(IElement e) => IsImage(e.LocalName);

    /// <summary><see cref="IsImage(IElement)"/> for an element named <paramref name="name"/>.</summary>
    public static bool IsImage(string name) => name is "img" or "picture" or "image" || IsGluedImage(name);

    public static bool IsGluedImage(IElement e) => IsGluedImage(e.LocalName);

    private static bool IsGluedImage(string name) => name.Length > 3 && name.StartsWith("img", StringComparison.Ordinal)
        && (name.Contains('=') || name.StartsWith("imgsrc", StringComparison.Ordinal));

    /// <summary>WordPress and similar sites draw emoji as small images whose alt text is the emoji itself.</summary>
    public static bool IsEmoji(IElement img)
    {
        var alt = img.AttributeValue("alt");
        if (string.IsNullOrEmpty(alt) || alt.Length > 16)
        {
            return false;
        }
        return HasClassPart(img, "emoji") || (img.AttributeValue("src") ?? string.Empty).Contains("/emoji/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The inline style a span or b element really has: Google Docs wraps normal text in bold tags and bold text in spans.</summary>
    public static InlineStyle StyleOf(IElement e)
    {
        var style = e.AttributeValue("style");
        if (string.IsNullOrEmpty(style))
        {
            return InlineStyle.Unspecified;
        }
        var compact = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        if (compact.Contains("font-weight:normal", StringComparison.Ordinal) || compact.Contains("font-weight:400", StringComparison.Ordinal)
            || compact.Contains("font-weight:300", StringComparison.Ordinal))
        {
            return InlineStyle.Normal;
        }
        if (compact.Contains("font-weight:bold", StringComparison.Ordinal) || compact.Contains("font-weight:700", StringComparison.Ordinal)
            || compact.Contains("font-weight:600", StringComparison.Ordinal) || compact.Contains("font-weight:800", StringComparison.Ordinal))
        {
            return InlineStyle.Bold;
        }
        return compact.Contains("font-style:italic", StringComparison.Ordinal) ? InlineStyle.Italic : InlineStyle.Unspecified;
    }

    public static bool HasClassPart(IElement e, string part) =>
        e.AttributeValue("class") is { } c && c.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>Wrappers that announce a figure: &lt;figure&gt;, WordPress <c>wp-caption</c>, classes naming a figure.</summary>
    public static bool IsExplicitFigure(IElement e)
    {
        if (e.LocalName == "figure")
        {
            return true;
        }
        var c = e.AttributeValue("class");
        if (c is null)
        {
            return false;
        }
        return c.Contains("wp-caption", StringComparison.OrdinalIgnoreCase) && !c.Contains("wp-caption-text", StringComparison.OrdinalIgnoreCase)
            || c.Contains("Figure", StringComparison.Ordinal) || c.Contains("media-landscape", StringComparison.Ordinal)
            || c.Contains("media-portrait", StringComparison.Ordinal) || c.Contains("image-and-copyright", StringComparison.Ordinal);
    }

    /// <summary>Elements whose text is an image credit.</summary>
    public static bool IsCreditElement(IElement e)
    {
        if (e.LocalName == "cite")
        {
            return true;
        }
        if (e.LocalName == "p" && e.AttributeValue("role") == "text")
        {
            return true;
        }
        var c = e.AttributeValue("class");
        return c is not null && (c.Contains("copyright", StringComparison.OrdinalIgnoreCase) || c.Contains("credit", StringComparison.OrdinalIgnoreCase));
    }
}
