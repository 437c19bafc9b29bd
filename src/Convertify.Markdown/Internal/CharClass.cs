using System.Globalization;
using System.Text;

namespace Convertify.Markdown.Internal;

/// <summary>
/// Character classes of CommonMark's emphasis rules. Parsers disagree at the edges (CommonMark 0.31 counts Unicode
/// symbols as punctuation, older parsers do not; some count only ASCII space as whitespace), so there are two views:
/// a broad one for the inside of an emphasis (anything any parser may call punctuation or whitespace) and a narrow
/// one for the outside neighbour (only what every parser calls punctuation or whitespace).
/// </summary>
internal static class CharClass
{
    /// <summary>True when some parser may take <paramref name="rune"/> for whitespace.</summary>
    public static bool IsWhitespaceBroad(Rune rune) =>
        rune.Value is ' ' or '\t' or '\n' or '\r' or '\f' || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator;

    /// <summary>True when every parser takes <paramref name="rune"/> for whitespace.</summary>
    public static bool IsWhitespaceNarrow(Rune rune) => rune.Value is ' ' or '\t' or '\n' or '\r';

    /// <summary>True when some parser may take <paramref name="rune"/> for punctuation (ASCII punctuation, Unicode P or S).</summary>
    public static bool IsPunctuationBroad(Rune rune) =>
        rune.IsAscii ? IsAsciiPunctuation((char)rune.Value) : Rune.IsPunctuation(rune) || Rune.IsSymbol(rune);

    /// <summary>True when every parser takes <paramref name="rune"/> for punctuation (ASCII punctuation or Unicode P).</summary>
    public static bool IsPunctuationNarrow(Rune rune) =>
        rune.IsAscii ? IsAsciiPunctuation((char)rune.Value) : Rune.IsPunctuation(rune);

    /// <summary>
    /// True when a delimiter run next to the content edge <paramref name="edge"/> and the outside neighbour
    /// <paramref name="outside"/> (null: start or end of line) is flanking in every parser.
    /// </summary>
    public static bool DelimiterFits(Rune edge, Rune? outside)
    {
        if (IsWhitespaceBroad(edge))
        {
            return false;
        }
        if (!IsPunctuationBroad(edge))
        {
            return true;
        }
        return outside is not { } o || IsWhitespaceNarrow(o) || IsPunctuationNarrow(o);
    }

    public static bool IsAsciiPunctuation(char c) =>
        c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');
}
