using AngleSharp.Dom;

namespace Convertify.Archive.Html;

/// <summary>Attribute look-up for the passes over the body.</summary>
internal static class ElementAttributes
{
    /// <summary>
    /// What <see cref="IElement.GetAttribute(string)"/> returns for a lower-case <paramref name="name"/>: the value of the
    /// first attribute so named, or null. Element.GetAttribute lower-cases the name on every call (a no-op for the
    /// lower-case names the reader asks for, but a scan of the name each time), which made it a visible share of a batch.
    /// </summary>
    public static string? AttributeValue(this IElement element, string name)
    {
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            if (string.Equals(attribute.Name, name, StringComparison.Ordinal))
            {
                return attribute.Value;
            }
        }
        return null;
    }
}
