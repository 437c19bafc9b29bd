namespace Convertify.Archive.Html;

/// <summary>
/// Estimates how deeply a fragment's tags nest, from the text alone, before parsing: a browser-style parser spends time
/// in proportion to the depth for every tag, so absurdly deep input (100,000 nested divs) is refused up front.
/// Void elements, self-closing tags and elements the parser closes implicitly (p, li, td, …) do not count.
/// </summary>
internal static class MarkupDepthScanner
{
    /// <summary>The deepest nesting seen (stopping early once it exceeds <paramref name="limit"/>) and the number of tags left open or closed without an opener (what the parser must guess).</summary>
    public static (int MaxDepth, int Unbalanced) Scan(string html, int limit)
    {
        var depth = 0;
        var max = 0;
        var unbalanced = 0;
        // Open tags as (start, length) of their names in the text: no string per tag.
        var open = new List<(int Start, int Length)>();
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 1)
        {
            var c = html[i + 1];
            if (c == '!')
            {
                var end = html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i + 2);
                if (end < 0)
                {
                    break;
                }
                i = html.IndexOf('<', end);
                continue;
            }
            var closing = c == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = html.IndexOf('<', i + 1);
                continue;
            }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }
            if (closing)
            {
                if (!IsIgnored(name))
                {
                    var at = open.Count - 1;
                    while (at >= 0 && !name.Equals(html.AsSpan(open[at].Start, open[at].Length), StringComparison.OrdinalIgnoreCase))
                    {
                        at--;
                    }
                    if (at < 0)
                    {
                        unbalanced++;
                    }
                    else
                    {
                        unbalanced += open.Count - 1 - at;
                        open.RemoveRange(at, open.Count - at);
                    }
                    depth = open.Count;
                }
            }
            else if (!IsIgnored(name) && html[tagEnd - 1] != '/')
            {
                open.Add((nameStart, nameEnd - nameStart));
                depth = open.Count;
                if (depth > max)
                {
                    max = depth;
                    if (max > limit)
                    {
                        return (max, unbalanced);
                    }
                }
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("textarea", StringComparison.OrdinalIgnoreCase) || name.Equals("title", StringComparison.OrdinalIgnoreCase))
                {
                    var close = html.IndexOf("</" + name.ToString(), tagEnd, StringComparison.OrdinalIgnoreCase);
                    if (close < 0)
                    {
                        break;
                    }
                    open.RemoveAt(open.Count - 1);
                    depth = open.Count;
                    tagEnd = html.IndexOf('>', close);
                    if (tagEnd < 0)
                    {
                        break;
                    }
                }
            }
            i = html.IndexOf('<', tagEnd + 1);
        }
        return (max, unbalanced + open.Count);
    }

    private static bool IsIgnored(ReadOnlySpan<char> name)
    {
        // The longest ignored name has eight letters.
        if (name.Length > 8)
        {
            return false;
        }
        // The scanner's names are ASCII letters, digits and '-': lower-cased by a bit, not through the invariant culture.
        Span<char> lower = stackalloc char[8];
        lower = lower[..name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            lower[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }
        return lower switch
        {
            "br" or "img" or "hr" or "input" or "meta" or "link" or "source" or "wbr" or "area" or "base" or "col" or "embed"
                or "param" or "track" or "keygen" => true,
            "p" or "li" or "dt" or "dd" or "option" or "optgroup" or "tr" or "td" or "th" or "thead" or "tbody" or "tfoot"
                or "rb" or "rt" or "rp" or "html" or "body" or "head" => true,
            _ => false,
        };
    }
}
