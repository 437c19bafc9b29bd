using System.Buffers;

namespace Convertify.Markdown.Internal;

/// <summary>Escapes text, link destinations and titles so Markdown parsers read them back verbatim.</summary>
internal static class MarkdownEscaper
{
    /// <summary>
    /// Appends text with every character escaped that could start Markdown syntax. When <paramref name="atLineStart"/>
    /// the block-level markers a line may start with (<c>-</c>, <c>+</c>, <c>#</c>, <c>&gt;</c>, <c>1.</c>, …) are escaped too;
    /// <paramref name="inHeading"/> escapes every <c>#</c> so none can close the heading.
    /// </summary>
    public static void AppendText(CharBuffer builder, ReadOnlySpan<char> text, bool atLineStart, bool inHeading = false)
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
    private static int AppendLineStart(CharBuffer builder, ReadOnlySpan<char> text)
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
    public static void AppendDestination(CharBuffer builder, string url)
    {
        var angle = url.Length == 0 || url.AsSpan().IndexOfAny(" ()") >= 0;
        if (angle)
        {
            builder.Append('<');
        }
        AppendEscaped(builder, url, DestinationSpecials, lineBreaksAsSpace: false);
        if (angle)
        {
            builder.Append('>');
        }
    }

    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>What a destination cannot hold as it is: controls, <c>\</c>, angle brackets, pipes, and ampersands (when entity-like).</summary>
    private static readonly SearchValues<char> DestinationSpecials = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\\<>|&");

    /// <summary>Appends a link title in double quotes; line breaks become spaces (a title may not hold a blank line).</summary>
    public static void AppendTitle(CharBuffer builder, string title)
    {
        builder.Append('"');
        AppendEscaped(builder, title, TitleSpecials, lineBreaksAsSpace: true);
        builder.Append('"');
    }

    /// <summary>
    /// Appends <paramref name="rest"/> with each of <paramref name="specials"/> escaped: line breaks as spaces when
    /// <paramref name="lineBreaksAsSpace"/>, other controls percent-encoded, entity-like ampersands encoded, the rest backslash-escaped.
    /// </summary>
    private static void AppendEscaped(CharBuffer builder, ReadOnlySpan<char> rest, SearchValues<char> specials, bool lineBreaksAsSpace)
    {
        while (true)
        {
            var special = rest.IndexOfAny(specials);
            if (special < 0)
            {
                builder.Append(rest);
                return;
            }
            builder.Append(rest[..special]);
            var c = rest[special];
            if (lineBreaksAsSpace && c is '\n' or '\r')
            {
                builder.Append(' ');
            }
            else if (c < 0x20 || c == 0x7F)
            {
                builder.Append('%').Append(HexDigits[c >> 4]).Append(HexDigits[c & 0xF]);
            }
            else if (c != '&')
            {
                builder.Append('\\').Append(c);
            }
            else if (StartsEntity(rest[special..]))
            {
                // Some parsers decode entities in destinations even after a backslash; an encoded ampersand is safe in all.
                builder.Append("&amp;");
            }
            else
            {
                builder.Append(c);
            }
            rest = rest[(special + 1)..];
        }
    }

    private static readonly SearchValues<char> TitleSpecials = SearchValues.Create("\n\r\"\\|&");

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
    public static void AppendHtml(CharBuffer builder, ReadOnlySpan<char> text)
    {
        while (true)
        {
            var special = text.IndexOfAny(HtmlSpecials);
            if (special < 0)
            {
                builder.Append(text);
                return;
            }
            builder.Append(text[..special]);
            switch (text[special])
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                default: builder.Append(' '); break;
            }
            text = text[(special + 1)..];
        }
    }

    private static readonly SearchValues<char> HtmlSpecials = SearchValues.Create("&<>\"\n\r");
}
