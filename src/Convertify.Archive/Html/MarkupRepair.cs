using System.Text;

namespace Convertify.Archive.Html;

/// <summary>
/// Textual repairs before parsing: a tag glued to its first attribute (<c>&lt;imgsrc="…"</c>, <c>&lt;sourcetype=…</c>)
/// gets its space back, so the browser-style parser sees the element and keeps the URL's case.
/// </summary>
internal static class MarkupRepair
{
    private static readonly string[] Tags = ["img", "source", "iframe", "video", "audio", "a"];

    public static string FixGluedAttributes(string html, out int repairs)
    {
        repairs = 0;
        StringBuilder? builder = null;
        var copied = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 3)
        {
            // Most tags (p, div, span, /…) cannot be one of Tags: skip them on their first letter.
            if ((html[i + 1] | 0x20) is not ('i' or 's' or 'v' or 'a'))
            {
                i = html.IndexOf('<', i + 1);
                continue;
            }
            foreach (var tag in Tags)
            {
                var nameEnd = i + 1 + tag.Length;
                if (nameEnd >= html.Length || (html[i + 1] | 0x20) != tag[0] || !html.AsSpan(i + 1).StartsWith(tag, StringComparison.OrdinalIgnoreCase)
                    || !char.IsAsciiLetter(html[nameEnd]))
                {
                    continue;
                }
                var j = nameEnd;
                while (j < html.Length && j - nameEnd < 24 && (char.IsAsciiLetter(html[j]) || html[j] == '-'))
                {
                    j++;
                }
                if (j < html.Length && html[j] == '=' && IsAttributeName(html.AsSpan(nameEnd, j - nameEnd)))
                {
                    builder ??= new StringBuilder(html.Length + 16);
                    builder.Append(html, copied, nameEnd - copied).Append(' ');
                    copied = nameEnd;
                    repairs++;
                }
                break;
            }
            i = html.IndexOf('<', i + 1);
        }
        if (builder is null)
        {
            return html;
        }
        builder.Append(html, copied, html.Length - copied);
        return builder.ToString();
    }

    private static bool IsAttributeName(ReadOnlySpan<char> name) =>
        name is "src" or "alt" or "type" or "href" or "class" or "style" or "width" or "height" or "title" or "srcset" or "id" or "controls" or "poster"
        || name.StartsWith("data-", StringComparison.Ordinal);
}
