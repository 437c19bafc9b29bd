using Convertify.Archive.Text;

namespace Convertify.Archive.Tests;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("标题", "这个国家的经济", "zh-Hans")]
    [InlineData("標題", "這個國家的經濟", "zh-Hant")]
    [InlineData("A title", "The economy of this country grew.", "en")]
    [InlineData("", "12345 !? 678", "und")]
    [InlineData("", "12345 ，。", "zh-Hans")]
    [InlineData("Title", "中文里夹着 English words 但主要是中文的句子", "zh-Hans")]
    [InlineData("中國", "A long English sentence with a few words about 中國 in it and more words after that", "en")]
    public void Tells_the_language_of_title_and_body(string title, string body, string expected) =>
        LanguageDetector.Detect(title, body).ShouldBe(expected);

    [Fact]
    public void Looks_only_at_the_first_characters_of_title_line_break_and_body()
    {
        // 10 characters: the title (4), the line break (1) and 5 of the body; what follows does not count.
        LanguageDetector.Detect("News", "abcde這個國家這個國家", limit: 10).ShouldBe("en");
        LanguageDetector.Detect("News", "這個國家這個國家abcde", limit: 10).ShouldBe("zh-Hant");
        LanguageDetector.Detect("這個國家的", "abcdefghijklmnopqrstuvwxyz", limit: 3).ShouldBe("zh-Hant");
    }
}
