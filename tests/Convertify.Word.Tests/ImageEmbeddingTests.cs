using System.Xml.Linq;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Word.Tests.Support;
using static Convertify.Word.Tests.Support.TestArticles;

namespace Convertify.Word.Tests;

public sealed class ImageEmbeddingTests
{
    private static readonly XNamespace W = Docx.W;
    private static readonly XNamespace WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    [Theory]
    [InlineData("png", 120, 80)]
    [InlineData("jpeg", 640, 427)]
    [InlineData("gif", 1, 1)]
    public void Header_bytes_give_format_and_size(string name, int width, int height)
    {
        var (data, format) = name switch
        {
            "png" => (TestImages.Png(width, height), ImageFormat.Png),
            "jpeg" => (TestImages.Jpeg(width, height), ImageFormat.Jpeg),
            _ => (TestImages.Gif(width, height), ImageFormat.Gif),
        };
        ImageHeader.Sniff(data).ShouldBe(format);
        ImageHeader.TryReadSize(data, format, out var w, out var h).ShouldBeTrue();
        (w, h).ShouldBe((width, height));
    }

    [Fact]
    public void Truncated_or_foreign_headers_are_not_images()
    {
        ImageHeader.Sniff(TestImages.WebP()).ShouldBe(ImageFormat.WebP);
        ImageHeader.Sniff("<html>"u8).ShouldBe(ImageFormat.Unknown);
        ImageHeader.TryReadSize(TestImages.Png(3, 3).AsSpan(0, 20), ImageFormat.Png, out _, out _).ShouldBeFalse();
        ImageHeader.TryReadSize(TestImages.Jpeg(3, 3).AsSpan(0, 24), ImageFormat.Jpeg, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void Content_addressed_name_is_a_sha256_prefix_of_the_url()
    {
        // sha256("https://example.com/a.jpg") starts with these 16 hex digits
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("https://example.com/a.jpg"u8))[..16];
        ImageFileNames.ContentAddressed("https://example.com/a.jpg").ShouldBe(expected);
        ImageFileNames.FromUrl("https://example.com/path/%E5%9B%BE.png?x=1").ShouldBe("图.png");
        ImageFileNames.FromUrl("https://example.com/dir/").ShouldBeNull();
        ImageFileNames.FromUrl("https://example.com/a/..%2F..%2Fetc%2Fpasswd").ShouldBeNull();
    }

    [Fact]
    public void Local_copies_are_embedded_as_scaled_inline_pictures()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("hall.png"), TestImages.Png(1200, 600));
        var jpegUrl = "https://img.example.com/cdn/abc?id=7";
        File.WriteAllBytes(folder.File(ImageFileNames.ContentAddressed(jpegUrl) + ".jpg"), TestImages.Jpeg(300, 200));
        File.WriteAllBytes(folder.File("dot.gif"), TestImages.Gif(2, 4));
        var article = Create(
        [
            new FigureBlock("https://img.example.com/photos/hall.png", "大厅", "说明一", ""),
            new FigureBlock(jpegUrl, "", "说明二", "来源"),
            new FigureBlock("https://img.example.com/dot.gif", "", "", ""),
            new FigureBlock("https://img.example.com/photos/hall.png", "", "同一张图", ""),
        ]);
        var warnings = new List<ConversionWarning>();
        var docx = Docx.Write(article, new WordWriterOptions { ImageDirectory = folder.Path, Warn = warnings.Add });
        warnings.ShouldBeEmpty();
        Docx.ValidationErrors(docx).ShouldBeEmpty();

        Docx.EntryNames(docx).Where(n => n.StartsWith("word/media/", StringComparison.Ordinal))
            .ShouldBe(["word/media/image1.png", "word/media/image2.jpeg", "word/media/image3.gif"]);
        var document = Docx.Part(docx, "word/document.xml");
        var inlines = document.Descendants(WP + "inline").ToList();
        inlines.Count.ShouldBe(4);
        var extents = inlines.Select(i => (Cx: (long)i.Element(WP + "extent")!.Attribute("cx")!, Cy: (long)i.Element(WP + "extent")!.Attribute("cy")!)).ToList();
        // 1200 px is wider than the text width (9026 twips): scaled to it, aspect ratio kept
        extents[0].Cx.ShouldBe(9026L * 635);
        ((double)extents[0].Cx / extents[0].Cy).ShouldBe(2.0, 0.001);
        // small images keep their size at 96 dpi
        extents[1].ShouldBe((300L * 9525, 200L * 9525));
        extents[2].ShouldBe((2L * 9525, 4L * 9525));
        inlines.Select(i => (uint)i.Element(WP + "docPr")!.Attribute("id")!).ShouldBe([1u, 2u, 3u, 4u]);
        ((string?)inlines[0].Element(WP + "docPr")!.Attribute("descr")).ShouldBe("大厅");

        var relationships = Docx.Relationships(docx);
        var embeds = document.Descendants(A + "blip").Select(b => (string)b.Attribute(Docx.R + "embed")!).ToList();
        embeds[3].ShouldBe(embeds[0]);
        ((string)relationships[embeds[1]].Attribute("Target")!).ShouldBe("media/image2.jpeg");
        Docx.Paragraphs(docx).ShouldContain(("Caption", "说明二\n来源"));
        Docx.Write(article, new WordWriterOptions { ImageDirectory = folder.Path }).ShouldBe(docx);
    }

    [Fact]
    public void Webp_missing_and_broken_images_stay_placeholders_with_warnings()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("photo.webp"), TestImages.WebP());
        File.WriteAllText(folder.File("broken.png"), "not an image");
        File.WriteAllBytes(folder.File("huge.png"), TestImages.Png(10, 10));
        var article = Create(
        [
            new FigureBlock("https://img.example.com/photo.webp", "网图", "", ""),
            new FigureBlock("https://img.example.com/absent.png", "", "", ""),
            new FigureBlock("https://img.example.com/broken.png", "", "", ""),
            new FigureBlock("https://img.example.com/huge.png", "", "", ""),
        ]);
        var received = new List<ConversionWarning>();
        using var writer = new WordArticleWriter(new WordWriterOptions { ImageDirectory = folder.Path, MaxImageBytes = 40, Warn = received.Add });
        using var stream = new MemoryStream();
        var warnings = writer.WriteWithWarnings(article, stream);
        received.ShouldBe(warnings);
        warnings.Select(w => w.Code).ShouldBe(["word.image_webp", "word.image_missing", "word.image_unsupported", "word.image_missing"]);
        warnings[3].Message.ShouldContain("limit");
        var docx = stream.ToArray();
        Docx.EntryNames(docx).ShouldNotContain(n => n.StartsWith("word/media/", StringComparison.Ordinal));
        Docx.Paragraphs(docx).Where(p => p.Style == "Figure").Select(p => p.Text).ShouldBe(["[图片：网图]", "[图片]", "[图片]", "[图片]"]);
        Docx.ValidationErrors(docx).ShouldBeEmpty();
    }

    [Fact]
    public void Without_an_image_directory_figures_are_linked_placeholders_and_nothing_is_read()
    {
        var warnings = new List<ConversionWarning>();
        var docx = Docx.Write(Create([new FigureBlock("https://img.example.com/a.png", "", "说明", "")], "en"), new WordWriterOptions { Warn = warnings.Add });
        warnings.ShouldBeEmpty();
        Docx.Paragraphs(docx).ShouldContain(("Figure", "[Image]"));
        Docx.Relationships(docx).Values.ShouldContain(r => (string)r.Attribute("Target")! == "https://img.example.com/a.png");
    }
}
