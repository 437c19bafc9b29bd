using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Core.Tests.Conversion;

public sealed class ConverterBuilderTests
{
    private sealed class TextWriterStub(string name) : IArticleWriter
    {
        public FormatInfo Format { get; } = new(name, "plain text", "." + name);

        public void Write(Article article, Stream output)
        {
            using var writer = new StreamWriter(output, leaveOpen: true);
            writer.Write(article.Metadata.Title);
        }
    }

    private sealed class ReaderStub : IArticleReader
    {
        public FormatInfo Format { get; } = new("stub", "stub reader", ".stub");

        public Article Read(ArticleInput input) =>
            ArticleAssembler.Assemble(ArticleSamples.Metadata(System.Text.Encoding.UTF8.GetString(input.Content.Span)), [], [], []);
    }

    [Fact]
    public void A_host_adds_its_own_reader_and_writer_in_one_line_each()
    {
        var converter = new ConverterBuilder().AddReader(new ReaderStub()).AddWriter(new TextWriterStub("txt")).Build();
        var article = converter.Read(ArticleInput.FromString("x.stub", "标题"));
        using var output = new MemoryStream();

        converter.Write(article, "txt", output);

        System.Text.Encoding.UTF8.GetString(output.ToArray()).ShouldBe("标题");
        converter.Registry.WriterNames.ShouldBe(["txt"]);
    }

    [Fact]
    public void Writers_are_found_by_name_or_extension_case_insensitively()
    {
        var registry = new ConverterBuilder().AddWriter(new TextWriterStub("txt")).Build().Registry;
        registry.FindWriter("TXT").ShouldNotBeNull();
        registry.FindWriter(".txt").ShouldNotBeNull();
        registry.FindWriter("docx").ShouldBeNull();
    }

    [Fact]
    public void A_later_registration_replaces_one_with_the_same_name()
    {
        var second = new TextWriterStub("txt");
        var registry = new ConverterBuilder().AddWriter(new TextWriterStub("txt")).AddWriter(second).Build().Registry;
        registry.Writers.ShouldHaveSingleItem().ShouldBeSameAs(second);
    }

    [Fact]
    public void An_unknown_format_names_the_known_ones()
    {
        var converter = new ConverterBuilder().AddWriter(new TextWriterStub("txt")).Build();
        var error = Should.Throw<UnknownFormatException>(() => converter.Registry.GetWriter("pdf"));
        error.Message.ShouldBe("unknown format 'pdf'; known: txt");
    }

    [Fact]
    public void A_missing_input_file_is_a_format_error_naming_the_file()
    {
        var converter = new ConverterBuilder().AddReader(new ReaderStub()).Build();
        var error = Should.Throw<ArticleFormatException>(() => converter.ReadFile("/no/such/file.md"));
        error.Problem.ShouldBe(FormatProblem.NotFound);
        error.Message.ShouldBe("/no/such/file.md: file not found");
    }
}
