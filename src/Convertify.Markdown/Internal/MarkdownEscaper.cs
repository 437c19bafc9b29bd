using System.Buffers;
using System.Text;

namespace Convertify.Markdown.Internal;

/// <summary>Escapes text, link destinations and titles so Markdown parsers read them back verbatim.</summary>
internal static class MarkdownEscaper
{
    /// <summary>
    /// Appends text with every character escaped that could start Markdown syntax. When <paramref name="atLineStart"/>
    /// the block-level markers a line may start with (<c>-</c>, <c>+</c>, <c>#</c>, <c>&gt;</c>, <c>1.</c>, …) are escaped too;
    /// <paramref name="inHeading"/> escapes every <c>#</c> so none can close the heading.
    /// </summary>
    public static void AppendText(StringBuilder builder, ReadOnlySpan<char> text, bool atLineStart, bool inHeading = false)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var start = 0;
        if (atLineStart)
        {
            start = AppendLineStart(builder, text);
        }
        var rest = text[start..];
        var consumed = start;
        while (!rest.IsEmpty)
        {
            var special = rest.IndexOfAny(inHeading ? HeadingSpecials : TextSpecials);
            if (special < 0)
            {
                builder.Append(rest);
                return;
            }
            builder.Append(rest[..special]);
            var c = rest[special];
            // An underscore between two letters or digits can neither open nor close emphasis (snake_case, user_names).
            var intraword = c == '_' && special + 1 < rest.Length && char.IsLetterOrDigit(rest[special + 1])
                && (special > 0 ? char.IsLetterOrDigit(rest[special - 1]) : consumed > 0 && char.IsLetterOrDigit(text[consumed - 1]));
            if (!intraword && (c != '&' || StartsEntityLike(rest[special..])))
            {
                builder.Append('\\');
            }
            builder.Append(c);
            rest = rest[(special + 1)..];
            consumed += special + 1;
        }
    }

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("\\`*_[]<|~&");
    private static readonly SearchValues<char> HeadingSpecials = SearchValues.Create("\\`*_[]<|~&#");

    /// <summary>An ampersand followed by <c>#</c> or a letter could start an entity: escaped in text, where that is cheap.</summary>
    private static bool StartsEntityLike(ReadOnlySpan<char> text) =>
        text.Length > 1 && (text[1] == '#' || char.IsAsciiLetter(text[1]));

    /// <summary>
    /// Escapes a line's opening block marker (list item, heading, quote, setext underline, definition); returns how many
    /// characters were consumed. Markers need a space or the line's end after them, so <c>-5</c> or <c>#tag</c> stay as they are.
    /// </summary>
    private static int AppendLineStart(StringBuilder builder, ReadOnlySpan<char> text)
    {
        var c = text[0];
        var escape = c switch
        {
            '>' => true,
            '-' or '=' => SpaceOrEnd(text, 1) || OnlyMarker(text, c),
            '+' or ':' => SpaceOrEnd(text, 1),
            '#' => SpaceOrEnd(text, Math.Min(text.IndexOfAnyExcept('#') is var n && n < 0 ? text.Length : n, 7)),
            _ => false,
        };
        if (escape)
        {
            builder.Append('\\').Append(c);
            return 1;
        }
        var digits = text.IndexOfAnyExceptInRange('0', '9');
        if (digits is > 0 and <= 9 && text[digits] is '.' or ')' && SpaceOrEnd(text, digits + 1))
        {
            builder.Append(text[..digits]).Append('\\').Append(text[digits]);
            return digits + 1;
        }
        return 0;
    }

    private static bool SpaceOrEnd(ReadOnlySpan<char> text, int index) => index >= text.Length || text[index] is ' ' or '\t';

    private static bool OnlyMarker(ReadOnlySpan<char> text, char marker)
    {
        foreach (var c in text)
        {
            if (c != marker && c != ' ' && c != '\t') return false;
        }
        return true;
    }

    /// <summary>
    /// Appends a link destination. A URL with spaces or parentheses goes in angle brackets (where parentheses need no escape); backslashes, angle brackets, pipes and
    /// entity-like ampersands are backslash-escaped; line breaks and control characters are percent-encoded.
    /// </summary>
    public static void AppendDestination(StringBuilder builder, string url)
    {
        var angle = url.Length == 0 || url.AsSpan().IndexOfAny(" ()") >= 0;
        if (angle)
        {
            builder.Append('<');
        }
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c < 0x20 || c == 0x7F)
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (c is '\\' or '<' or '>' or '|')
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '&' && StartsEntity(url.AsSpan(i)))
            {
                // Some parsers decode entities in destinations even after a backslash; an encoded ampersand is safe in all.
                builder.Append("&amp;");
            }
            else
            {
                builder.Append(c);
            }
        }
        if (angle)
        {
            builder.Append('>');
        }
    }

    /// <summary>Appends a link title in double quotes; line breaks become spaces (a title may not hold a blank line).</summary>
    public static void AppendTitle(StringBuilder builder, string title)
    {
        builder.Append('"');
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            if (c is '\n' or '\r')
            {
                builder.Append(' ');
            }
            else if (c is '"' or '\\' or '|')
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '&' && StartsEntity(title.AsSpan(i)))
            {
                builder.Append("&amp;");
            }
            else
            {
                builder.Append(c);
            }
        }
        builder.Append('"');
    }

    /// <summary>True when <paramref name="text"/> (starting at an ampersand) starts an entity or character reference.</summary>
    internal static bool StartsEntity(ReadOnlySpan<char> text)
    {
        var i = 1;
        if (i < text.Length && text[i] == '#')
        {
            i++;
            if (i < text.Length && text[i] is 'x' or 'X')
            {
                i++;
            }
        }
        var start = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }
        return i > start && i < text.Length && text[i] == ';';
    }

    /// <summary>Appends text escaped for HTML element content or a double-quoted attribute.</summary>
    public static void AppendHtml(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\n' or '\r': builder.Append(' '); break;
                default: builder.Append(c); break;
            }
        }
    }
}
