using System.Runtime.CompilerServices;
using System.Text;

namespace Convertify.Text;

/// <summary>Classifies characters as CJK (Chinese, Japanese, Korean) for counting, spacing and width.</summary>
public static class CjkText
{
    /// <summary>True for ideographs, kana, hangul and bopomofo.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCjkLetter(Rune rune)
    {
        var v = rune.Value;
        return v is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x3134F)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF)
            or (>= 0xAC00 and <= 0xD7AF) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F)
            or (>= 0x3100 and <= 0x312F) or (>= 0x31A0 and <= 0x31BF) or 0x3007;
    }

    /// <summary>True for CJK letters and CJK punctuation or full-width forms: characters between which no space belongs.</summary>
    public static bool IsCjk(Rune rune)
    {
        var v = rune.Value;
        return IsCjkLetter(rune) || v is (>= 0x3000 and <= 0x303F) or (>= 0xFF00 and <= 0xFFEF) or (>= 0xFE30 and <= 0xFE4F)
            || v is 0x2014 or 0x2026 or 0x201C or 0x201D or 0x2018 or 0x2019 or 0x00B7;
    }

    /// <summary>True when <paramref name="character"/> is a BMP CJK character or a surrogate (possibly of a supplementary ideograph).</summary>
    public static bool IsCjk(char character) => char.IsSurrogate(character) ? character is >= '\uD840' and <= '\uD87F' : IsCjk(new Rune(character));

    /// <summary>True for characters displayed two columns wide (East Asian Wide and Fullwidth, plus emoji).</summary>
    public static bool IsWide(Rune rune)
    {
        var v = rune.Value;
        return v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x20000 and <= 0x3FFFD);
    }

    /// <summary>Display width in columns: wide characters count two, others one.</summary>
    public static int DisplayWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }
        return width;
    }
}
