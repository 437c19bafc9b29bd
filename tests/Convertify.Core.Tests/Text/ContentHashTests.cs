using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Convertify.Text;

namespace Convertify.Core.Tests.Text;

public sealed class ContentHashTests
{
    /// <summary>The definition the hash is computed by: ICU's NFKC of the XML-safe text, white space removed.</summary>
    private static string Definition(string text)
    {
        var kept = new StringBuilder();
        foreach (var c in XmlSafeText.Clean(text).Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    private static string HashOf(string normalised) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)).AsSpan(0, 16));

    [Theory]
    [InlineData("")]
    [InlineData("中国 经济\n增长，\u3000百分之五")]
    [InlineData("Ｆｕｌｌ　ｗｉｄｔｈ and ﬁ ligature\r\n")]
    [InlineData("bad \u0001 control and \uD800 surrogate 😀")]
    [InlineData("他说……“好”。Café — naïve, ©2024")]
    [InlineData("e\u0301 and e \u0301 and 가\u11A8")]
    public void Content_hash_is_sha256_of_the_nfkc_text_without_white_space(string text) =>
        ContentHash.Compute(text).ShouldBe(HashOf(Definition(text)));

    [Fact]
    public void Every_character_of_the_simple_set_maps_as_icu_normalises_it()
    {
        var failures = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var mapped = ContentHash.SimpleNfkc((char)c);
            if (mapped == ContentHash.Unknown)
            {
                continue;
            }
            var expected = Definition(((char)c).ToString());
            var actual = mapped switch
            {
                ContentHash.Removed => string.Empty,
                ContentHash.Ellipsis => "...",
                _ => ((char)mapped).ToString(),
            };
            if (actual != expected)
            {
                failures.Add($"U+{c:X4}: '{actual}' but ICU gives '{expected}'");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void No_character_of_the_simple_set_can_combine_with_the_one_before()
    {
        // A character that is the second of a canonical pair, or a mark, could compose with its neighbour, so NFKC of a
        // text would not be the characters' NFKC forms side by side. Seconds are the non-first characters of every
        // canonical decomposition (compatibility ones never compose), plus the Hangul vowel and final jamo.
        var seconds = new HashSet<int>();
        for (var v = 0; v <= 0x10FFFF; v++)
        {
            // Surrogates and noncharacters (U+FFFE, U+1FFFF, …) have no decomposition; ICU refuses them.
            if (v is >= 0xD800 and <= 0xDFFF || (v & 0xFFFE) == 0xFFFE)
            {
                continue;
            }
            var s = char.ConvertFromUtf32(v);
            foreach (var rune in s.Normalize(NormalizationForm.FormD).EnumerateRunes().Skip(1))
            {
                seconds.Add(rune.Value);
            }
        }
        for (var v = 0x1161; v <= 0x11C2; v++)
        {
            seconds.Add(v);
        }
        var failures = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (ContentHash.SimpleNfkc((char)c) is ContentHash.Unknown or ContentHash.Removed)
            {
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory((char)c);
            if (seconds.Contains(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                failures.Add($"U+{c:X4}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Fast_and_general_paths_agree_on_mixed_text()
    {
        // Pieces the fast path handles and pieces it hands to ICU (marks, compatibility forms, emoji, controls).
        string[] pieces = ["中", "文", "。", "，", "“", "”", "……", "Hello", "l’été", "Ｆ", "　", " ", "\n", "\t", "\u00A0", "—", "《", "》",
            "e", "\u0301", "ﬁ", "①", "㈱", "😀", "\uD800", "\u0001", "\u0085", "가", "\u11A8", "ｶ", "\u3099", "x", "·", "©", "¼"];
        var random = new Random(20261124);
        for (var n = 0; n < 5000; n++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 40);
            for (var i = 0; i < length; i++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }
            var text = builder.ToString();
            ContentHash.Compute(text).ShouldBe(HashOf(Definition(text)), text);
        }
    }

    [Fact]
    public void Fast_path_takes_typical_chinese_and_english_text()
    {
        var buffer = new byte[300];
        ContentHash.TryEncodeSimple("中国经济增长，百分之五。“他说”…… GDP 3.5%", buffer, out var length).ShouldBeTrue();
        Encoding.UTF8.GetString(buffer, 0, length).ShouldBe("中国经济增长,百分之五。“他说”......GDP3.5%");
        ContentHash.TryEncodeSimple("e\u0301", buffer, out _).ShouldBeFalse();
    }
}
