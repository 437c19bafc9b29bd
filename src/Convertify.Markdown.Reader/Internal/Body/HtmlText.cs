using System.Net;
using System.Text;

namespace Convertify.Markdown.Reader.Internal.Body;

/// <summary>The text of an HTML block in a hand-written post: tags and comments dropped, entities decoded, whitespace collapsed.</summary>
internal static class HtmlText
{
    public static string Of(string html)
    {
        var text = new StringBuilder(html.Length);
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0)
            {
                text.Append(html, position, html.Length - position);
                break;
            }
            text.Append(html, position, open - position);
            var comment = html.AsSpan(open).StartsWith("<!--");
            var close = comment ? html.IndexOf("-->", open, StringComparison.Ordinal) : html.IndexOf('>', open);
            if (close < 0)
            {
                break;
            }
            // Block-level tags separate words.
            text.Append(' ');
            position = close + (comment ? 3 : 1);
        }
        var decoded = WebUtility.HtmlDecode(text.ToString());
        return string.Join(' ', decoded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
