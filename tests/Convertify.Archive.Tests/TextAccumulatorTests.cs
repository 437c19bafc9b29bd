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

    [Fact]
    public void Special_characters_are_found_at_every_position_of_a_longer_text()
    {
        // Texts of eight or more characters are searched eight at a time: every code unit, at every lane and after a block.
        var text = "文字abcdefgh中文字符串12345".ToCharArray();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            var special = TextAccumulator.IsCollapsible(ch) || ch == '\u3000' || TextAccumulator.IsInvisible(ch);
            foreach (var at in (int[])[0, 3, 7, 8, 13, 15, 16, text.Length - 1])
            {
                var copy = (char[])text.Clone();
                copy[at] = ch;
                TextAccumulator.IndexOfSpecial(copy).ShouldBe(special ? at : -1, $"U+{c:X4} at {at}");
            }
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
