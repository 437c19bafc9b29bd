using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Convertify.Archive.Feeds;

/// <summary>Writes the children of an Atom <c>xhtml</c> div back as HTML markup, namespaces dropped; iterative, so deep nesting cannot overflow the stack.</summary>
internal static class XhtmlMarkup
{
    public static string InnerOf(XElement container)
    {
        var builder = new StringBuilder();
        var node = container.FirstNode;
        while (node is not null)
        {
            switch (node)
            {
                case XText text:
                    builder.Append(WebUtility.HtmlEncode(text.Value));
                    break;
                case XElement element:
                    builder.Append('<').Append(element.Name.LocalName);
                    foreach (var attribute in element.Attributes())
                    {
                        if (attribute.IsNamespaceDeclaration || attribute.Name.Namespace != XNamespace.None)
                        {
                            continue;
                        }
                        builder.Append(' ').Append(attribute.Name.LocalName).Append("=\"").Append(WebUtility.HtmlEncode(attribute.Value)).Append('"');
                    }
                    builder.Append('>');
                    if (element.FirstNode is { } first)
                    {
                        node = first;
                        continue;
                    }
                    Close(builder, element);
                    break;
            }
            // Up past every finished element to the next sibling.
            while (node.NextNode is null && node.Parent is { } parent && parent != container)
            {
                node = parent;
                Close(builder, parent);
            }
            node = node.NextNode;
        }
        return builder.ToString();
    }

    private static void Close(StringBuilder builder, XElement element)
    {
        if (element.Name.LocalName is not ("br" or "img" or "hr" or "wbr" or "source" or "input" or "meta" or "link"))
        {
            builder.Append("</").Append(element.Name.LocalName).Append('>');
        }
    }
}
