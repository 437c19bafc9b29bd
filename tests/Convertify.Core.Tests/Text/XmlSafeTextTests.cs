using System.Text;
using Convertify.Text;

namespace Convertify.Core.Tests.Text;

/// <summary>The vectorised safety test must agree with the one-by-one definition of what XML 1.0 allows.</summary>
public sealed class XmlSafeTextTests
{
    // Safe and unsafe characters at the edges of every range the test looks at.
    private static readonly string[] Pieces =
    [
        "a", " ", "中", "，", "：", "\t", "\n", "\r", "\u0000", "\u0001", "\u001F", "\u007F", "\uD7FF", "\uE000", "\uFFFD",
        "\uFFFE", "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "😀", "𠀀", "\uD83D\uD83D", "abcdefgh", "中文中文中文中文",
    ];

    [Fact]
    public void Agrees_with_the_definition_on_random_text()
    {
        var random = new Random(20261124);
        var failures = new List<string>();
        for (var n = 0; n < 20000; n++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 40);
            for (var i = 0; i < count; i++)
            {
                // Mostly safe text, so an unsafe character lands at every offset of a vector block.
                builder.Append(random.Next(8) == 0 ? Pieces[random.Next(Pieces.Length)] : Pieces[random.Next(2)]);
            }
            var text = builder.ToString();
            if (XmlSafeText.IsSafe(text) != IsSafeByDefinition(text) || XmlSafeText.Clean(text) != CleanByDefinition(text))
            {
                failures.Add(string.Join(' ', text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        failures.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("plain text that is long enough for two vector blocks", true)]
    [InlineData("中文，标点：（全角）符号，一二三四五六七八九十", true)]
    [InlineData("emoji at the end of a block 😀 and after", true)]
    [InlineData("a control \u0001 character", false)]
    [InlineData("a non-character \uFFFE here", false)]
    public void Tells_safe_from_unsafe(string text, bool safe)
    {
        XmlSafeText.IsSafe(text).ShouldBe(safe);
        IsSafeByDefinition(text).ShouldBe(safe);
    }

    [Fact]
    public void Finds_lone_surrogates()
    {
        // Built here: a theory's data would lose the lone surrogates on the way to the test.
        foreach (var text in new[] { "a lone high surrogate \uD800 inside it", "ends with a lone high surrogate \uD800", "\uDC00 low first, long enough for a block" })
        {
            XmlSafeText.IsSafe(text).ShouldBeFalse();
            XmlSafeText.Clean(text).ShouldBe(CleanByDefinition(text));
        }
    }

    /// <summary>XML 1.0's Char production, one code point at a time.</summary>
    private static string CleanByDefinition(string text)
    {
        var kept = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(c).Append(text[++i]);
            }
            else if (c is '\t' or '\n' or '\r' or (>= ' ' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD'))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    private static bool IsSafeByDefinition(string text) => CleanByDefinition(text) == text;
}
