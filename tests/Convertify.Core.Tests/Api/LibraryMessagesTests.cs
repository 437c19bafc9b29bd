using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Core.Tests.Api;

/// <summary>Issue 23, point 5: errors a host developer can act on, in the library's own terms.</summary>
public sealed class LibraryMessagesTests
{
    private sealed class AnyReader : IArticleReader
    {
        public FormatInfo Format { get; } = new("any", "reads anything", ".txt");

        public Article Read(ArticleInput input) => ArticleAssembler.Assemble(ArticleSamples.Metadata() with { Id = input.Path }, [], [], []);
    }

    [Fact]
    public void Reading_without_a_reader_says_none_is_registered_and_how_to_add_one()
    {
        var converter = new ConverterBuilder().Build();

        var error = Should.Throw<UnknownFormatException>(() => converter.ReadString("text", "a.md"));
        error.Message.ShouldStartWith("no reader registered: call AddArchiveReader()");
        error.Message.ShouldContain("AddReader(reader)");
        Should.Throw<UnknownFormatException>(() => converter.Registry.GetReader("archive")).Message.ShouldStartWith("no reader registered:");
    }

    [Fact]
    public void Writing_without_a_writer_says_none_is_registered_and_an_unknown_name_lists_the_known()
    {
        var article = ArticleSamples.Assemble();

        var none = Should.Throw<UnknownFormatException>(() => new ConverterBuilder().Build().WriteToBytes(article, "md"));
        none.Message.ShouldStartWith("unknown format 'md': no writer registered: call AddMarkdown(), AddWord()");
        none.Name.ShouldBe("md");
    }

    [Fact]
    public async Task A_folder_passed_to_ReadFile_is_said_to_be_a_folder()
    {
        using var folder = new TemporaryFolder();
        var converter = new ConverterBuilder().AddReader(new AnyReader()).Build();

        var error = Should.Throw<ArticleFormatException>(() => converter.ReadFile(folder.Path));
        error.Problem.ShouldBe(FormatProblem.NotFound);
        error.Message.ShouldBe($"{folder.Path}: a folder, not a file");
        (await Should.ThrowAsync<ArticleFormatException>(() => converter.ReadFileAsync(folder.Path, TestContext.Current.CancellationToken)))
            .Detail.ShouldBe("a folder, not a file");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_empty_name_for_in_memory_input_is_an_argument_error(string name)
    {
        var converter = new ConverterBuilder().AddReader(new AnyReader()).Build();

        Should.Throw<ArgumentException>(() => converter.ReadString("text", name)).ParamName.ShouldBe("name");
        using var stream = new MemoryStream("text"u8.ToArray());
        (await Should.ThrowAsync<ArgumentException>(() => converter.ReadAsync(stream, name, TestContext.Current.CancellationToken))).ParamName.ShouldBe("name");
        converter.ReadString("text", "a.md").Metadata.Id.ShouldBe("a.md");
    }
}
