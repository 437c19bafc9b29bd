using Convertify.Text;
using static Convertify.Core.Tests.ArticleSamples;

namespace Convertify.Core.Tests.Model;

public sealed class DescriptionBuilderTests
{
    [Fact]
    public void Skips_a_short_leading_paragraph()
    {
        var body = new[] { Paragraph(Txt("华盛顿 —")), Paragraph(Txt("这是正文的第一段，内容足够长。")) };
        DescriptionBuilder.FromBody(body).ShouldBe("这是正文的第一段，内容足够长。");
    }

    [Fact]
    public void Cuts_long_chinese_text_after_a_full_stop()
    {
        var sentence = "这是一个用于测试描述截断的句子，长度大约二十五个字。";
        var text = string.Concat(Enumerable.Repeat(sentence, 10));
        var description = DescriptionBuilder.Trim(text);

        description.Length.ShouldBeLessThanOrEqualTo(DescriptionBuilder.TargetLength);
        description.ShouldEndWith("。");
        text.ShouldStartWith(description);
    }

    [Fact]
    public void Cuts_long_latin_text_at_a_sentence_or_word_boundary()
    {
        var text = string.Join(" ", Enumerable.Repeat("The council met on Monday and approved the budget of 3.5 million", 6));
        var description = DescriptionBuilder.Trim(text);

        description.ShouldEndWith("…");
        description.Length.ShouldBeLessThanOrEqualTo(DescriptionBuilder.TargetLength + 1);
        text.ShouldStartWith(description.TrimEnd('…'));
        text[description.Length - 1].ShouldBe(' ');
    }

    [Fact]
    public void Does_not_cut_a_decimal_number_as_a_sentence()
    {
        const string first = "Growth was 3.5 percent in the third quarter, the ministry said on Tuesday.";
        var text = first + " " + string.Join(" ", Enumerable.Repeat("word", 40));
        DescriptionBuilder.Trim(text).ShouldBe(first);
    }

    [Fact]
    public void Collapses_line_breaks()
    {
        DescriptionBuilder.Trim("第一行\n第二行").ShouldBe("第一行 第二行");
    }
}
