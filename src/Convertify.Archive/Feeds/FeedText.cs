using System.Net;
using System.Text;
using System.Xml.Linq;
using Convertify.Text;

namespace Convertify.Archive.Feeds;

/// <summary>Text and markup of feed elements: plain titles, Atom text constructs, bodies as HTML.</summary>
internal static class FeedText
{
    /// <summary>Whitespace runs collapsed to one space, trimmed; empty for null.</summary>
    public static string Plain(string? text) => PlainText.CollapseWhiteSpace(text);

    /// <summary>
    /// Text on one line: a whitespace run holding a line break or tab (the XML's own layout) becomes one space, other
    /// spacing (doubled or ideographic spaces a title may hold) stays as written; trimmed.
    /// </summary>
    public static string Line(string text)
    {
        if (text.AsSpan().IndexOfAny('\r', '\n', '\t') < 0)
        {
            return text.Trim();
        }
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i > start)
            {
                var run = text.AsSpan(start, i - start);
                builder.Append(run.IndexOfAny('\r', '\n', '\t') >= 0 ? " " : run);
                continue;
            }
            builder.Append(text[i++]);
        }
        return builder.ToString().Trim();
    }

    /// <summary>An Atom <c>link</c> to the entry itself: <c>rel="alternate"</c> or no <c>rel</c>.</summary>
    public static bool IsAlternate(XElement link) =>
        link.Attribute("rel")?.Value.Trim() is null or "" or "alternate" or "http://www.iana.org/assignments/relation/alternate";

    /// <summary>The plain text of a title: an Atom <c>type="html"</c> title's markup stripped, an <c>xhtml</c> one's text.</summary>
    public static string PlainTitle(XElement title)
    {
        return Type(title) switch
        {
            "html" => Line(WebUtility.HtmlDecode(StripTags(title.Value))),
            "xhtml" => Line((XhtmlDiv(title) ?? title).Value),
            _ => Line(title.Value),
        };
    }

    /// <summary>
    /// A body element as HTML: Atom <c>html</c> content as decoded, <c>xhtml</c> the inner div's markup, <c>text</c> (or an
    /// Atom element without a type) escaped into paragraphs; RSS and RDF bodies are HTML.
    /// </summary>
    public static string BodyHtml(XElement body, bool atom)
    {
        if (!atom)
        {
            return body.Value;
        }
        return Type(body) switch
        {
            "html" or "text/html" => body.Value,
            "xhtml" or "application/xhtml+xml" => XhtmlMarkup.InnerOf(XhtmlDiv(body) ?? body),
            _ => TextToHtml(body.Value),
        };
    }

    /// <summary>Plain text as HTML: blank lines part paragraphs, single line breaks stay.</summary>
    public static string TextToHtml(string text)
    {
        var builder = new StringBuilder(text.Length + 32);
        var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var paragraph in normalised.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            builder.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }
        return builder.ToString();
    }

    /// <summary>
    /// An RSS <c>author</c> as a name: <c>x@y (Name)</c> and <c>Name &lt;x@y&gt;</c> give the name, anything else is
    /// kept as it is (a bare address included: it is all the feed says).
    /// </summary>
    public static string AuthorName(string raw)
    {
        var text = Plain(raw);
        var open = text.IndexOf('(');
        if (open > 0 && text.EndsWith(')') && text[..open].Contains('@', StringComparison.Ordinal))
        {
            var name = text[(open + 1)..^1].Trim();
            return name.Length > 0 ? name : text[..open].Trim();
        }
        var angle = text.IndexOf('<');
        if (angle > 0 && text.EndsWith('>') && text[angle..].Contains('@', StringComparison.Ordinal))
        {
            return text[..angle].Trim().Trim('"').Trim();
        }
        return text;
    }

    private static string Type(XElement element) => (element.Attribute("type")?.Value ?? "text").Trim().ToLowerInvariant();

    private static XElement? XhtmlDiv(XElement element) => element.Element(FeedNames.Xhtml + "div");

    private static string StripTags(string html)
    {
        var builder = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
