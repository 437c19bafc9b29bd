using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Core.Tests.Api;

/// <summary>Issue 23, point 1: a document as a string or as bytes through <see cref="Converter"/>.</summary>
public sealed class WriteToStringTests
{
    private sealed class TitleTextWriter : ITextArticleWriter
    {
        public FormatInfo Format { get; } = new("title", "the title as text", ".txt");

        public void Write(Article article, Stream output) => output.Write(System.Text.Encoding.UTF8.GetBytes("# " + article.Metadata.Title + "\n"));
    }

    private sealed class BinaryWriter : IArticleWriter
    {
        public FormatInfo Format { get; } = new("bin", "a binary package", ".bin");

        public void Write(Article article, Stream output) => output.Write([0x50, 0x4B, 0x03, 0x04, 0xFF]);
    }

    private static readonly Converter Converter = new ConverterBuilder().AddWriter(new TitleTextWriter()).AddWriter(new BinaryWriter()).Build();

    [Fact]
    public void WriteToString_of_a_text_writer_is_its_document_decoded_as_UTF8()
    {
        Converter.WriteToString(ArticleSamples.Assemble(), "title").ShouldBe("# 测试标题\n");
        Converter.WriteToString(ArticleSamples.Assemble(), ".txt").ShouldBe("# 测试标题\n");
    }

    [Fact]
    public void WriteToString_of_a_binary_writer_says_so_and_names_WriteToBytes()
    {
        var error = Should.Throw<ArgumentException>(() => Converter.WriteToString(ArticleSamples.Assemble(), "bin"));
        error.ParamName.ShouldBe("format");
        error.Message.ShouldStartWith("format 'bin' (a binary package) writes binary documents, not text: use WriteToBytes(article, \"bin\")");
    }

    [Fact]
    public void WriteToBytes_is_what_Write_writes_to_a_stream()
    {
        using var stream = new MemoryStream();
        Converter.Write(ArticleSamples.Assemble(), "bin", stream);

        Converter.WriteToBytes(ArticleSamples.Assemble(), "bin").ShouldBe(stream.ToArray());
        Converter.WriteToBytes(ArticleSamples.Assemble(), "title").ShouldBe("# 测试标题\n"u8.ToArray());
    }

    [Fact]
    public void An_unknown_format_is_an_UnknownFormatException_for_both()
    {
        Should.Throw<Errors.UnknownFormatException>(() => Converter.WriteToString(ArticleSamples.Assemble(), "pdf")).Name.ShouldBe("pdf");
        Should.Throw<Errors.UnknownFormatException>(() => Converter.WriteToBytes(ArticleSamples.Assemble(), "pdf")).Name.ShouldBe("pdf");
    }
}
