using System.Text;
using Convertify.Text;

namespace Convertify.Markdown.Reader.Internal.Metadata;

/// <summary>
/// A cheap guess of a text's language when front matter names none: Japanese when it holds kana, Korean when it holds
/// Hangul, Chinese when a fifth of its letters are ideographs (Traditional when characters only Traditional Chinese
/// writes outnumber those only Simplified writes), else English. A heuristic, not the archive reader's detector.
/// </summary>
internal static class LanguageGuess
{
    // Frequent characters whose forms differ between the scripts, pairwise (這/这, 們/们, …).
    private const string TraditionalOnly = "這們國說時會來對為與發學個們裡後開關經過還點從電實現體東長問動義車書見際區對應當產錢聽";
    private const string SimplifiedOnly = "这们国说时会来对为与发学个们里后开关经过还点从电实现体东长问动义车书见际区对应当产钱听";

    /// <summary>The BCP 47 tag guessed for <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        int letters = 0, ideographs = 0, kana = 0, hangul = 0, traditional = 0, simplified = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }
            letters++;
            var v = rune.Value;
            if (v is >= 0x3040 and <= 0x30FF)
            {
                kana++;
            }
            else if (v is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF)
            {
                hangul++;
            }
            else if (CjkText.IsCjkLetter(rune))
            {
                ideographs++;
                if (rune.IsBmp)
                {
                    var c = (char)v;
                    if (TraditionalOnly.Contains(c, StringComparison.Ordinal)) traditional++;
                    else if (SimplifiedOnly.Contains(c, StringComparison.Ordinal)) simplified++;
                }
            }
        }
        if (letters == 0)
        {
            return "en";
        }
        if (kana * 20 >= letters)
        {
            return "ja";
        }
        if (hangul * 5 >= letters)
        {
            return "ko";
        }
        if (ideographs * 5 >= letters)
        {
            return traditional > simplified ? "zh-Hant" : "zh-Hans";
        }
        return "en";
    }
}
