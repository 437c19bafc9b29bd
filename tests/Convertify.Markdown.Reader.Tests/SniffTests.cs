using System.Text;
using Convertify.Conversion;
using Convertify.Markdown.Reader.Tests.Support;

namespace Convertify.Markdown.Reader.Tests;

public sealed class SniffTests
{
    [Theory]
    [InlineData("---\ntitle: x\n---\n")]
    [InlineData("---\r\ntitle: x\r\n---\r\n")]
    [InlineData("\uFEFF---\ntitle: x\n---\n")]
    [InlineData("---  \ntitle: x\n---\n")]
    public void FrontMatterFenceIsSniffed(string text) =>
        RoundTrip.Reader.Sniffs(Encoding.UTF8.GetBytes(text)).ShouldBeTrue();

    [Theory]
    [InlineData("<!--1672331948000-->\n[Title](https://example.com/a)\n------\n\n<p>body</p>\n")]
    [InlineData("----\ntitle: x\n")]
    [InlineData("--- title\n")]
    [InlineData("---")]
    [InlineData("# Heading\n\n---\n")]
    [InlineData("<?xml version=\"1.0\"?><rss></rss>")]
    [InlineData("")]
    public void OtherContentIsNotSniffed(string text) =>
        RoundTrip.Reader.Sniffs(Encoding.UTF8.GetBytes(text)).ShouldBeFalse();

    [Fact]
    public void EveryWrittenCorpusArticleIsSniffedAndNoArchiveArticleIs()
    {
        foreach (var path in RoundTrip.FixtureFiles())
        {
            var archive = File.ReadAllBytes(path);
            RoundTrip.Reader.Sniffs(archive).ShouldBeFalse(path);
            RoundTrip.Reader.Sniffs(RoundTrip.Markdown(RoundTrip.ReadArchive(path))).ShouldBeTrue(path);
        }
    }

    [Fact]
    public void FormatAndRegistration()
    {
        var reader = RoundTrip.Reader;
        reader.Format.Name.ShouldBe("md");
        reader.Format.Extensions.ShouldBe([".md", ".markdown"]);
        reader.SniffDescription.ShouldBe("front matter: first line ---");
        var converter = new ConverterBuilder().AddArchiveReader().AddMarkdownReader().Build();
        var archive = File.ReadAllBytes(RoundTrip.FixtureFiles()[0]);
        converter.Registry.DetectReader(archive).Format.Name.ShouldBe("archive");
        converter.Registry.DetectReader(RoundTrip.Markdown(RoundTrip.ReadArchive(RoundTrip.FixtureFiles()[0]))).ShouldBeOfType<MarkdownArticleReader>();
        converter.Registry.GetReader("md").ShouldBeOfType<MarkdownArticleReader>();
    }
}
