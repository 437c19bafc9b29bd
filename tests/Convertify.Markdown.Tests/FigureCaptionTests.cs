using Convertify.Model;
using Convertify.Markdown.Tests.Support;
using static Convertify.Markdown.Tests.Support.TestArticles;

namespace Convertify.Markdown.Tests;

/// <summary>A figure's caption is printed once, under the image: the image's alt text and title do not repeat it.</summary>
public sealed class FigureCaptionTests
{
    private const string Url = "https://example.com/quay.jpg";

    [Theory]
    [InlineData("码头上的吊车在清晨开工。", "码头上的吊车在清晨开工。")]
    [InlineData("码头上的吊车  在清晨开工。 ", "码头上的吊车 在清晨开工。")]
    [InlineData("", "码头上的吊车在清晨开工。")]
    [InlineData("Cranes on the quay", "码头上的吊车在清晨开工。")]
    public void The_caption_appears_once(string alt, string caption)
    {
        var markdown = Body(new FigureBlock(Url, alt, caption, "示例社"));
        var document = MarkdigText.Parse(markdown);
        var image = MarkdigText.Images(document).Single();
        image.Url.ShouldBe(Url);
        image.Title.ShouldBeNullOrEmpty();
        var text = MarkdigText.PlainText(document) + image.Title; // the plain text holds the alt text
        Occurrences(text, "在清晨开工").ShouldBe(1, markdown);
    }

    [Fact]
    public void Alt_text_that_adds_something_is_kept()
    {
        var markdown = Body(new FigureBlock(Url, "Cranes on the quay", "码头上的吊车在清晨开工。", ""));
        markdown.ShouldBe("![Cranes on the quay](https://example.com/quay.jpg)\n\n*码头上的吊车在清晨开工。*\n");
    }

    [Fact]
    public void An_image_without_alt_or_caption_has_empty_brackets()
    {
        var markdown = Body(new FigureBlock(Url, "", "", ""));
        markdown.ShouldBe("![](https://example.com/quay.jpg)\n");
        MarkdigText.Images(MarkdigText.Parse(markdown)).Single().Url.ShouldBe(Url);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
