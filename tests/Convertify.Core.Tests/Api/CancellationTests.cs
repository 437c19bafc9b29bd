using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Core.Tests.Api;

/// <summary>Issue 23, point 4: a cancelled <see cref="Converter.ConvertManyAsync(IEnumerable{string}, string, string, IProgress{ConversionProgress}, CancellationToken)"/> reports what it did.</summary>
public sealed class CancellationTests
{
    private sealed class FirstLineReader : IArticleReader
    {
        public FormatInfo Format { get; } = new("line", "first line is the title", ".txt");

        public Article Read(ArticleInput input) =>
            ArticleAssembler.Assemble(ArticleSamples.Metadata(System.Text.Encoding.UTF8.GetString(input.Content.Span).Split('\n')[0]), [], [], []);
    }

    private sealed class TitleWriter : IArticleWriter
    {
        public FormatInfo Format { get; } = new("title", "the title", ".title");

        public void Write(Article article, Stream output) => output.Write(System.Text.Encoding.UTF8.GetBytes(article.Metadata.Title));
    }

    /// <summary>Reports inline (not on the thread pool), so the token is cancelled before the next input starts.</summary>
    private sealed class CancelAfter(int files, CancellationTokenSource source) : IProgress<ConversionProgress>
    {
        public List<ConversionProgress> Reports { get; } = [];

        public void Report(ConversionProgress value)
        {
            Reports.Add(value);
            if (value.Completed == files)
            {
                source.Cancel();
            }
        }
    }

    [Fact]
    public async Task A_token_cancelled_after_three_of_five_files_returns_three_converted_and_two_cancelled()
    {
        using var folder = new TemporaryFolder();
        var inputs = Enumerable.Range(1, 5).Select(i => folder.File($"in/voa/{i}.txt")).ToArray();
        Directory.CreateDirectory(folder.File("in/voa"));
        foreach (var input in inputs)
        {
            await File.WriteAllTextAsync(input, "Title " + Path.GetFileNameWithoutExtension(input) + "\n", TestContext.Current.CancellationToken);
        }
        using var source = new CancellationTokenSource();
        var progress = new CancelAfter(3, source);
        using var converter = new ConverterBuilder().AddReader(new FirstLineReader()).AddWriter(new TitleWriter()).Build();

        var results = await converter.ConvertManyAsync(inputs, "title", folder.File("out"), progress, source.Token);

        results.Select(r => r.Status).ShouldBe([ConversionStatus.Converted, ConversionStatus.Converted, ConversionStatus.Converted,
            ConversionStatus.Cancelled, ConversionStatus.Cancelled]);
        results.Select(r => r.SourcePath).ShouldBe(inputs);
        results.Take(3).ShouldAllBe(r => r.Succeeded && File.Exists(r.OutputPath));
        File.ReadAllText(results[2].OutputPath!).ShouldBe("Title 3");
        results.Skip(3).ShouldAllBe(r => r.Cancelled && !r.Succeeded && r.OutputPath == null && r.Error == null);
        Directory.EnumerateFiles(folder.File("out/voa")).Count().ShouldBe(3);
        progress.Reports.Select(r => r.Completed).ShouldBe([1, 2, 3]);
    }
}
