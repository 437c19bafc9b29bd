using System.Globalization;
using System.Text;
using Convertify.Text;

namespace Convertify.Core.Tests.Text;

public sealed class TextMetricsTests
{
    [Theory]
    [InlineData("中国经济", 4)]
    [InlineData("Hello world", 2)]
    [InlineData("习近平与Biden通话2次。", 4 + 1 + 2 + 1 + 1)]
    [InlineData("U.S. GDP grew 3.5% in 2021", 6)]
    [InlineData("", 0)]
    [InlineData("，。！？", 0)]
    public void Counts_cjk_letters_and_latin_words(string text, int expected) =>
        TextMetrics.CountCharacters(text).ShouldBe(expected);

    [Fact]
    public void Display_width_counts_wide_characters_double() =>
        CjkText.DisplayWidth("ab中文，").ShouldBe(2 + 4 + 2);

    [Fact]
    public void Counts_the_same_as_the_rune_by_rune_definition_on_mixed_text()
    {
        // Mixed scripts, marks, apostrophes, supplementary ideographs and lone surrogates, generated from a fixed seed.
        string[] pieces = ["中", "文", "Hello", "U.S.", "3.5", "don't", "l’été", "é", "e\u0301", "\u0915\u093F", "𠀀", "😀", "\uD800", "\uDC00",
            " ", "\u3000", "，", "-", ",", ".", "'", "\u2019", "Ω", "٣", "가", "カ", "\t", "x", "。", "、", "“", "”", "—", "…", "（", "）",
            "《", "》", "：", "！", "々", "〇", "ｱ", "Ａ", "１", "\uFF65", "\uFF66", "\u3005", "\u3020", "\u3021"];
        var random = new Random(20261124);
        for (var n = 0; n < 2000; n++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 30);
            for (var i = 0; i < length; i++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }
            var text = builder.ToString();
            TextMetrics.CountCharacters(text).ShouldBe(ReferenceCount(text), text);
        }
    }

    [Fact]
    public void Counts_every_code_unit_as_the_definition_does()
    {
        // The fast paths (ASCII, common ideographs, CJK punctuation) each cover ranges: every character, between words and alone.
        var failures = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }
            foreach (var text in new[] { ((char)c).ToString(), "ab" + (char)c + "cd", "1" + (char)c, (char)c + "x" })
            {
                if (TextMetrics.CountCharacters(text) != ReferenceCount(text))
                {
                    failures.Add($"U+{c:X4} in '{text}'");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>The definition: rune by rune over string.EnumerateRunes.</summary>
    private static int ReferenceCount(string text)
    {
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
