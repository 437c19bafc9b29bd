using System.Globalization;
using System.Text;

namespace Convertify.Text;

/// <summary>CJK-aware text measures.</summary>
public static class TextMetrics
{
    /// <summary>Counts CJK letters one each, plus one per run of other letters or digits (a Latin word or a number).</summary>
    public static int CountCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CountCharacters(text.AsSpan());
    }

    /// <summary>Counts CJK letters one each, plus one per run of other letters or digits (a Latin word or a number).</summary>
    public static int CountCharacters(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                // ASCII, the bulk of Latin text: no marks, no CJK.
                if (char.IsAsciiLetterOrDigit(c))
                {
                    if (!inWord)
                    {
                        count++;
                        inWord = true;
                    }
                }
                else if (!(inWord && c is '\'' or '-' or '.' or ','))
                {
                    inWord = false;
                }
                continue;
            }
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                // The common CJK ideographs, the bulk of Chinese text: letters, each a word of its own.
                count++;
                inWord = false;
                continue;
            }
            if (c is (>= '\u3001' and <= '\u3003') or (>= '\u3008' and <= '\u3011') or (>= '\u3014' and <= '\u301F')
                or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20') or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65')
                or '\u2014' or '\u2026' or '\u201C' or '\u201D')
            {
                // CJK and full-width punctuation, between nearly every clause of Chinese text: neither letters nor marks.
                inWord = false;
                continue;
            }
            Rune rune;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                rune = new Rune(c, text[++i]);
            }
            else
            {
                // A lone surrogate reads as U+FFFD, as string.EnumerateRunes does.
                rune = char.IsSurrogate(c) ? Rune.ReplacementChar : new Rune(c);
            }
            if (CjkText.IsCjkLetter(rune))
            {
                count++;
                inWord = false;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            var wordy = Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || (inWord && rune.Value is '\'' or '\u2019' or '-' or '.' or ',');
            if (wordy && !inWord && Rune.IsLetterOrDigit(rune))
            {
                count++;
                inWord = true;
            }
            else if (!wordy)
            {
                inWord = false;
            }
        }
        return count;
    }
}
