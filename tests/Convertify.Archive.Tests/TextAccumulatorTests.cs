using Convertify.Archive.Html;

namespace Convertify.Archive.Tests;

public sealed class TextAccumulatorTests
{
    [Fact]
    public void Special_characters_are_exactly_the_collapsible_ideographic_and_invisible_ones()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            var expected = TextAccumulator.IsCollapsible(ch) || ch == '\u3000' || TextAccumulator.IsInvisible(ch);
            (TextAccumulator.IndexOfSpecial([ch]) == 0).ShouldBe(expected, $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("  a  b  ", "a b")]
    [InlineData("中\n文", "中文")]
    [InlineData("中 文", "中 文")]
    [InlineData("a\u200Bb\u00ADc", "abc")]
    [InlineData("\u3000\u3000段落\u3000\u3000开始\u3000", "段落\u3000\u3000开始")]
    [InlineData("Line\tone\u00A0two", "Line one two")]
    public void Collapses_runs_and_drops_invisible_characters(string raw, string expected) =>
        TextAccumulator.Normalize(raw).ShouldBe(expected);
}
