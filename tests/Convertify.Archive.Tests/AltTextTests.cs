using Convertify.Model;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

/// <summary>Alt text that says nothing about its image is dropped by the reader, so no writer shows it.</summary>
public sealed class AltTextTests
{
    private const string ImageUrl = "https://img.example.org/news/2023/05/harbour-crane_04.jpg";

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("。")]
    [InlineData("-")]
    [InlineData(" 3 . ")]
    [InlineData("img")]
    [InlineData("IMG")]
    [InlineData("IMG_0042")]
    [InlineData("image")]
    [InlineData("Image 3")]
    [InlineData("images")]
    [InlineData("photo")]
    [InlineData("Picture")]
    [InlineData("file")]
    [InlineData("图片")]
    [InlineData("图片1")]
    [InlineData("圖片")]
    [InlineData("图像")]
    [InlineData("照片")]
    [InlineData("harbour-crane_04.jpg")]
    [InlineData("harbour-crane_04")]
    [InlineData("HARBOUR-CRANE_04.JPG")]
    public void Alt_that_says_nothing_is_dropped(string alt)
    {
        var figure = Single<FigureBlock>(Read($"<p><img src=\"{ImageUrl}\" alt=\"{alt}\"></p><p>正文。</p>"));
        figure.ImageUrl.ShouldBe(ImageUrl);
        figure.Alt.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1")]
    [InlineData("img")]
    [InlineData("图片")]
    public void Alt_that_says_nothing_is_dropped_and_the_caption_stays(string alt)
    {
        var article = Read($"<figure><img src=\"https://images.weserv.nl/?url=img.example.org/news/a.jpg\" alt=\"{alt}\"><figcaption>码头上的吊车在清晨开工。</figcaption></figure><p>正文。</p>");
        var figure = Single<FigureBlock>(article);
        figure.Alt.ShouldBeEmpty();
        figure.Caption.ShouldBe("码头上的吊车在清晨开工。");
    }

    [Fact]
    public void A_url_encoded_file_name_is_not_a_description()
    {
        var figure = Single<FigureBlock>(Read("<p><img src=\"https://img.example.org/files/%E7%A0%81%E5%A4%B4%20%E5%90%8A%E8%BD%A6.png\" alt=\"码头 吊车\"></p>"));
        figure.Alt.ShouldBeEmpty();
    }

    [Fact]
    public void The_file_name_of_a_picture_source_is_compared_after_its_proxy_is_unwrapped()
    {
        var figure = Single<FigureBlock>(Read("<picture><source srcset=\"https://images.weserv.nl/?url=img.example.org/p/quay_7.webp 800w\"><img alt=\"quay_7\"></picture>"));
        figure.ImageUrl.ShouldBe("https://img.example.org/p/quay_7.webp");
        figure.Alt.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("码头")]
    [InlineData("吊车")]
    [InlineData("施工")]
    [InlineData("Zoom")]
    [InlineData("Biden")]
    [InlineData("大脑扫描")]
    [InlineData("图片墙")]
    [InlineData("Photo finish at the harbour race")]
    [InlineData("A pile of image files on a desk")]
    [InlineData("2023年5月，码头上的吊车。")]
    [InlineData("G7")]
    [InlineData("harbour crane")]
    public void A_description_is_kept(string alt)
    {
        var figure = Single<FigureBlock>(Read($"<p><img src=\"{ImageUrl}\" alt=\"{alt}\"></p><p>正文。</p>"));
        figure.Alt.ShouldBe(alt);
    }

    [Fact]
    public void A_description_that_repeats_the_caption_stays_in_the_model()
    {
        // Writers decide how not to show it twice; the model keeps what the page said.
        var figure = Single<FigureBlock>(Read("<figure><img src=\"https://img.example.org/a.jpg\" alt=\"码头上的吊车。\"><figcaption>码头上的吊车。</figcaption></figure>"));
        figure.Alt.ShouldBe("码头上的吊车。");
        figure.Caption.ShouldBe("码头上的吊车。");
    }
}
