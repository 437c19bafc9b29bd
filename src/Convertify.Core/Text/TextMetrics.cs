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
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
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
