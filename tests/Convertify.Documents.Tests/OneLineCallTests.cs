using Convertify.Testing;

namespace Convertify.Documents.Tests;

/// <summary>Issue 23, point 1: <see cref="Articles"/>, one call from an article's text, stream or file to Markdown or .docx.</summary>
public sealed class OneLineCallTests
{
    private const string Name = "articles/voa/1090001.md";
    private static readonly string Fixture = Path.Combine(TestPaths.Fixtures, "articles", "voa", "1090001.md");
    private static readonly string Golden = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "expected", "md", "voa", "1090001.md"));

    [Fact]
    public void Text_file_and_stream_to_Markdown_equal_the_golden_file()
    {
        Articles.FileToMarkdown(Fixture).ShouldBe(Golden);
        Articles.ToMarkdown(File.ReadAllText(Fixture), Name).ShouldBe(Golden);
    }

    [Fact]
    public async Task A_stream_to_Markdown_equals_the_golden_file()
    {
        await using var stream = File.OpenRead(Fixture);
        (await Articles.ToMarkdownAsync(stream, Name, TestContext.Current.CancellationToken)).ShouldBe(Golden);
    }

    [Fact]
    public void Text_without_a_name_takes_the_site_from_its_URL_and_the_id_from_the_default_name()
    {
        var article = Articles.Read(File.ReadAllText(Fixture));

        article.Metadata.Id.ShouldBe("voa/article");
        article.Metadata.SourcePath.ShouldBe(Articles.DefaultName);
        Articles.ToMarkdown(File.ReadAllText(Fixture)).ShouldBe(Golden.Replace("id: \"voa/1090001\"", "id: \"voa/article\""));
    }

    [Fact]
    public async Task Text_file_and_stream_to_docx_give_the_same_package_as_the_converter()
    {
        var text = File.ReadAllText(Fixture);
        var expected = Articles.Converter.WriteToBytes(Articles.Converter.ReadFile(Fixture), "docx");
        await using var stream = File.OpenRead(Fixture);

        Articles.FileToDocx(Fixture).ShouldBe(expected);
        Articles.ToDocx(text, Name).ShouldBe(expected);
        (await Articles.ToDocxAsync(stream, Name, TestContext.Current.CancellationToken)).ShouldBe(expected);
        using var package = new System.IO.Compression.ZipArchive(new MemoryStream(expected));
        package.GetEntry("word/document.xml").ShouldNotBeNull();
    }

    [Fact]
    public void WriteToString_reaches_the_Markdown_writer_and_refuses_docx()
    {
        var article = Articles.ReadFile(Fixture);

        Articles.Converter.WriteToString(article, "md").ShouldBe(Golden);
        Articles.ToMarkdown(article).ShouldBe(Golden);
        Should.Throw<ArgumentException>(() => Articles.Converter.WriteToString(article, "docx"))
            .Message.ShouldStartWith("format 'docx' (Word document (Office Open XML)) writes binary documents, not text: use WriteToBytes(article, \"docx\")");
    }

    [Fact]
    public void Input_that_is_not_an_article_is_an_ArticleFormatException_naming_it()
    {
        var error = Should.Throw<Errors.ArticleFormatException>(() => Articles.ToMarkdown("just text", "notes/x.md"));
        error.SourcePath.ShouldBe("notes/x.md");
        Should.Throw<Errors.ArticleFormatException>(() => Articles.FileToDocx(TestPaths.Fixtures)).Detail.ShouldBe("a folder, not a file");
    }
}
