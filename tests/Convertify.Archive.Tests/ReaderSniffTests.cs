using System.Text;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Archive.Tests;

public sealed class ReaderSniffTests
{
    private const string Article = "<!--1672329541000-->\n[A title](https://www.voachinese.com/a/1.html)\n------\n\n<p>Body text.</p>\n";

    /// <summary>A host's reader of its own files, which begin with <c>%%host</c>.</summary>
    private sealed class HostReader : IArticleReader
    {
        public FormatInfo Format { get; } = new("host", "the host's notes", ".md");

        public string SniffDescription => "first line %%host";

        public bool Sniffs(ReadOnlySpan<byte> content) => content.StartsWith("%%host"u8);

        public Article Read(ArticleInput input) => ArticleAssembler.Assemble(new ArticleMetadata(
            "host/1", input.Path, new SiteInfo("host", "Host"), "from the host reader", "https://example.org/1",
            new PublishedTime(DateTimeOffset.UnixEpoch, DateSource.BodyWithZone, DatePrecision.Second, null), DateTimeOffset.UnixEpoch, [], "en", "", null), [], [], []);
    }

    [Fact]
    public void A_host_reader_registered_in_one_line_wins_for_its_inputs_while_archive_articles_still_go_to_the_archive_reader()
    {
        var converter = new ConverterBuilder().AddArchiveReader().AddReader(new HostReader()).Build();

        converter.ReadString("%%host\nanything", "notes/1.md").Metadata.Title.ShouldBe("from the host reader");
        var article = converter.ReadString(Article, "articles/voa/1.md");
        article.Metadata.Title.ShouldBe("A title");
        article.Metadata.Site.Code.ShouldBe("voa");
    }

    [Theory]
    [InlineData("<!--1672329541000-->\n[T](https://x.org/)")]
    [InlineData("\uFEFF<!--1672329541000-->\r\n[T](https://x.org/)")]
    [InlineData("\n  \t\r\n<!-- 1672329541000 -->  \n")]
    [InlineData("<!--0-->")]
    public void The_archive_reader_sniffs_a_first_line_of_digits_in_a_comment(string content) =>
        new ArchiveArticleReader().Sniffs(Encoding.UTF8.GetBytes(content)).ShouldBeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("<!---->\n")]
    [InlineData("<!--2023-01-01-->\n")]
    [InlineData("<!--1672329541000\n-->")]
    [InlineData("x<!--1672329541000-->")]
    [InlineData("---\ntitle: x\n---\n")]
    [InlineData("<rss version=\"2.0\">")]
    public void The_archive_reader_does_not_sniff_other_content(string content) =>
        new ArchiveArticleReader().Sniffs(Encoding.UTF8.GetBytes(content)).ShouldBeFalse();

    [Fact]
    public void The_archive_reader_says_what_it_sniffs() =>
        ((IArticleReader)new ArchiveArticleReader()).SniffDescription.ShouldContain("<!--digits-->");
}
