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
    public void Runs_of_white_space_become_one_space_and_the_ends_none(string? text, string expected) =>
        PlainText.CollapseWhiteSpace(text).ShouldBe(expected);
}
