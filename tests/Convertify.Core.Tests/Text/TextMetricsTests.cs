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
}
