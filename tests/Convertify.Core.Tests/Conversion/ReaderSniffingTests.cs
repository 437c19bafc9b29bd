using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Core.Tests.Conversion;

public sealed class ReaderSniffingTests
{
    /// <summary>A reader that claims nothing, as a reader written before sniffing existed.</summary>
    private sealed class PlainReader : IArticleReader
    {
        public FormatInfo Format { get; } = new("plain", "plain text", ".md");

        public Article Read(ArticleInput input) => ArticleAssembler.Assemble(ArticleSamples.Metadata("plain"), [], [], []);
    }

    /// <summary>A host's reader of notes that start with <c>NOTE:</c>; the title is the rest of the first line.</summary>
    private sealed class NoteReader : IArticleReader
    {
        public FormatInfo Format { get; } = new("note", "a note", ".md");

        public string SniffDescription => "first line NOTE:";

        public bool Sniffs(ReadOnlySpan<byte> content) => content.StartsWith("NOTE:"u8);

        public Article Read(ArticleInput input)
        {
            var text = System.Text.Encoding.UTF8.GetString(input.Content.Span);
            return ArticleAssembler.Assemble(ArticleSamples.Metadata(text["NOTE:".Length..].Split('\n')[0].Trim()), [], [], []);
        }
    }

    private static readonly Converter Converter = new ConverterBuilder().AddReader(new PlainReader()).AddReader(new NoteReader()).Build();

    [Fact]
    public void The_reader_that_sniffs_the_content_reads_it_and_other_content_goes_to_the_default_reader()
    {
        Converter.Read(ArticleInput.FromString("a.md", "NOTE: Hello\nbody")).Metadata.Title.ShouldBe("Hello");
        Converter.Read(ArticleInput.FromString("b.md", "Hello\nNOTE: not first")).Metadata.Title.ShouldBe("plain");
    }

    [Fact]
    public void DetectReader_goes_by_content_never_by_the_name_and_falls_back_to_the_first_reader()
    {
        Converter.Registry.DetectReader("NOTE: x"u8).Format.Name.ShouldBe("note");
        Converter.Registry.DetectReader("x"u8).Format.Name.ShouldBe("plain");
        Converter.Registry.DetectReader([]).Format.Name.ShouldBe("plain");
        ((IArticleReader)new PlainReader()).SniffDescription.ShouldBeEmpty();
    }

    [Fact]
    public void ChooseReader_takes_a_named_reader_over_sniffing_and_readers_are_named_by_name_not_extension()
    {
        Converter.Registry.ChooseReader("PLAIN", "NOTE: x"u8).Format.Name.ShouldBe("plain");
        Converter.Registry.ChooseReader(null, "NOTE: x"u8).Format.Name.ShouldBe("note");
        var error = Should.Throw<UnknownFormatException>(() => Converter.Registry.ChooseReader("md", "x"u8));
        error.Message.ShouldContain("plain, note");
    }

    [Fact]
    public void With_no_reader_registered_detecting_one_is_an_unknown_format()
    {
        var empty = new ConverterBuilder().Build();
        Should.Throw<UnknownFormatException>(() => empty.Registry.DetectReader("x"u8));
    }

    [Fact]
    public void A_reader_of_single_articles_reads_all_of_an_input_as_its_one_article()
    {
        IArticleReader reader = new NoteReader();
        var all = reader.ReadAll(ArticleInput.FromString("a.md", "NOTE: Only one\nbody")).ToList();
        all.Count.ShouldBe(1);
        all[0].Metadata.Title.ShouldBe("Only one");
    }
}
