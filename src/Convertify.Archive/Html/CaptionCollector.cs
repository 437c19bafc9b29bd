using AngleSharp.Dom;

namespace Convertify.Archive.Html;

/// <summary>Reads the caption and credit of a figure wrapper or a caption element.</summary>
internal static class CaptionCollector
{
    private static readonly string[] CreditLabels = ["图像来源，", "图像来源：", "图像来源,", "图片来源，", "图片来源：", "圖像來源，", "圖片來源：", "图片版权", "圖片版權", "Image source,", "Image source:", "Image copyright", "Credit…", "Credit...", "Credit:", "Credit"];
    private static readonly string[] CaptionLabels = ["Image caption", "图像加注文字", "圖像加註文字", "图片说明，", "图片说明："];

    public static (string Caption, string Credit) Collect(IElement root, IElement? image)
    {
        var caption = new TextAccumulator();
        var credit = new TextAccumulator();
        var stack = new Stack<(INode Node, bool Credit)>();
        stack.Push((root, HtmlNames.IsCreditElement(root)));
        while (stack.Count > 0)
        {
            var (node, inCredit) = stack.Pop();
            if (node is IText text)
            {
                if (text.Parent is IElement { LocalName: "figure" } && text.Data.Trim() is "Image" or "图像" or "圖像")
                {
                    continue;
                }
                (inCredit ? credit : caption).Append(text.Data);
                continue;
            }
            if (node is not IElement element)
            {
                continue;
            }
            if (!ReferenceEquals(element, root))
            {
                if (ReferenceEquals(element, image) || HtmlNames.IsImage(element) || HtmlNames.IsDropped(element.LocalName)
                    || element.LocalName is "noscript" or "iframe" or "video" or "audio" || HtmlNames.IsBoilerplate(element, out _))
                {
                    continue;
                }
                if (element.LocalName is "br" or "p" or "div" or "figcaption" or "span" or "li")
                {
                    (inCredit ? credit : caption).Separate();
                }
            }
            var childCredit = inCredit || HtmlNames.IsCreditElement(element);
            var childNodes = element.ChildNodes;
            for (var childIndex = childNodes.Length - 1; childIndex >= 0; childIndex--)
            {
                stack.Push((childNodes[childIndex], childCredit));
            }
        }
        var captionText = StripLabels(caption.ToString(), CaptionLabels);
        var creditText = StripLabels(credit.ToString(), CreditLabels);
        // nyt: "caption text。Credit...Name" inside one figcaption.
        var marker = FindCreditMarker(captionText);
        if (marker >= 0)
        {
            var tail = StripLabels(captionText[marker..], CreditLabels);
            captionText = captionText[..marker].TrimEnd();
            creditText = creditText.Length == 0 ? tail : creditText;
        }
        if (captionText.Length > 0 && creditText.Length == 0)
        {
            // bbc 2023: "图像来源，AFP" as a separate line inside the caption text.
            if (CreditLabels.FirstOrDefault(label => label.Length > 2 && captionText.StartsWith(label, StringComparison.Ordinal)) is { } label)
            {
                creditText = captionText[label.Length..].Trim();
                captionText = string.Empty;
            }
        }
        return (captionText, creditText);
    }

    private static int FindCreditMarker(string text) =>
        new[] { "Credit...", "Credit…", "Credit:" }.Select(marker => text.LastIndexOf(marker, StringComparison.Ordinal)).FirstOrDefault(i => i >= 0, -1);

    private static string StripLabels(string text, string[] labels)
    {
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            foreach (var label in labels)
            {
                if (text.StartsWith(label, StringComparison.Ordinal))
                {
                    text = text[label.Length..].TrimStart(' ', ',', '，', ':', '：', '.', '…');
                    changed = true;
                }
            }
        }
        return text.Trim();
    }

    /// <summary>True for an element that reads as the caption of the figure just before it.</summary>
    /// <remarks>That is a caption element, or a wrapper holding one caption element and no text of its own.</remarks>
    public static bool IsCaptionLike(IElement e) =>
        IsCaptionElement(e)
        || e.LocalName is "div" or "p" or "span" && e.Children.Length == 1 && IsCaptionElement(e.Children[0])
            && !e.ChildNodes.OfType<IText>().Any(t => !string.IsNullOrWhiteSpace(t.Data));

    private static bool IsCaptionElement(IElement e)
    {
        if (e.LocalName is "figcaption" or "small")
        {
            return true;
        }
        var c = e.AttributeValue("class");
        if (c is not null && c.Contains("caption", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (e.AttributeValue("data-testid") is { } testId && testId.Contains("caption", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (e.LocalName is "span" or "div" or "p" && e.AttributeValue("style") is { } style
            && style.Contains("center", StringComparison.OrdinalIgnoreCase)
            && (style.Contains("font-size", StringComparison.OrdinalIgnoreCase) || style.Contains("color", StringComparison.OrdinalIgnoreCase)))
        {
            return HtmlText.LengthAtMost(e, 400);
        }
        return false;
    }
}
