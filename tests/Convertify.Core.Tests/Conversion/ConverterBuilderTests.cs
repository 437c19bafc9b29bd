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

    private sealed class TitleListDossier(string name) : IDossierWriter
    {
        public FormatInfo Format { get; } = new(name, "titles, one per line", ".txt");

        public IArticleSink Open(Stream output, DossierOptions? options = null) => new Sink(output);

        private sealed class Sink(Stream output) : IArticleSink
        {
            private readonly List<string> _titles = [];

            public void Add(Article article, IReadOnlyDictionary<string, string>? exportedFiles = null) => _titles.Add(article.Metadata.Title);

            public void AddFailure(string sourcePath, string message)
            {
            }

            public void Complete()
            {
                using var writer = new StreamWriter(output, leaveOpen: true);
                writer.Write(string.Join('\n', _titles));
            }

            public void Dispose()
            {
            }
        }
    }

    [Fact]
    public void A_dossier_writer_is_registered_in_one_line_and_found_by_name_or_extension_later_ones_replacing()
    {
        var first = new TitleListDossier("titles");
        var second = new TitleListDossier("titles");
        var registry = new ConverterBuilder().AddDossierWriter(first).AddDossierWriter(second).Build().Registry;

        registry.DossierWriters.ShouldHaveSingleItem().ShouldBeSameAs(second);
        registry.FindDossierWriter("TITLES").ShouldBeSameAs(second);
        registry.FindDossierWriter(".txt").ShouldBeSameAs(second);
        registry.FindDossierWriter("docx").ShouldBeNull();
        using var output = new MemoryStream();
        using (var sink = second.Open(output))
        {
            sink.Add(ArticleAssembler.Assemble(ArticleSamples.Metadata("一"), [], [], []));
            sink.Add(ArticleAssembler.Assemble(ArticleSamples.Metadata("二"), [], [], []));
            sink.Complete();
        }
        System.Text.Encoding.UTF8.GetString(output.ToArray()).ShouldBe("一\n二");
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
