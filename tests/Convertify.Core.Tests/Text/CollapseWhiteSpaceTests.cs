using Convertify.Text;

namespace Convertify.Core.Tests.Text;

public sealed class CollapseWhiteSpaceTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("  \t\n ", "")]
    [InlineData("  a  b\n\nc\t", "a b c")]
    [InlineData("一\u3000二", "一 二")]
    [InlineData("single", "single")]
    [InlineData("a b c", "a b c")]
    [InlineData(" a b", "a b")]
    [InlineData("a b\u00A0", "a b")]
    [InlineData("a\u2028b", "a b")]
    public void Runs_of_white_space_become_one_space_and_the_ends_none(string? text, string expected) =>
        PlainText.CollapseWhiteSpace(text).ShouldBe(expected);

    [Fact]
    public void The_white_space_collapsed_is_what_char_IsWhiteSpace_says()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            var text = "a" + ch + "b";
            PlainText.CollapseWhiteSpace(text).ShouldBe(char.IsWhiteSpace(ch) ? "a b" : text, $"U+{c:X4}");
        }
    }
}
