using Convertify.Conversion;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Core.Tests.Conversion;

public sealed class EmbeddingApiTests
{
    /// <summary>A host's own writer, as docs/embedding.md shows: a tiny HTML page.</summary>
    private sealed class HtmlTitleWriter : IArticleWriter
    {
        public FormatInfo Format { get; } = new("html", "title-only HTML page", ".html");

        public void Write(Article article, Stream output)
        {
            using var writer = new StreamWriter(output, leaveOpen: true);
            writer.Write("<h1>" + System.Net.WebUtility.HtmlEncode(article.Metadata.Title) + "</h1>");
        }
    }

    /// <summary>Reads the first line as the title; an input starting with "!" is not an article.</summary>
    private sealed class LineReader : IArticleReader
    {
        public FormatInfo Format { get; } = new("line", "first line is the title", ".txt");

        public Article Read(ArticleInput input)
        {
            var text = System.Text.Encoding.UTF8.GetString(input.Content.Span);
            if (text.StartsWith('!'))
            {
                throw new ArticleFormatException(input.Path, FormatProblem.InvalidHeader, "no title line");
            }
            return ArticleAssembler.Assemble(ArticleSamples.Metadata(text.Split('\n')[0]), [], [], []);
        }
    }

    private static Converter Build() => new ConverterBuilder().AddReader(new LineReader()).AddWriter(new HtmlTitleWriter()).Build();

    /// <summary>Accepts only asynchronous writes, like an HTTP response body.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _content = new();

        public byte[] ToArray() => _content.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");
        public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("synchronous write");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _content.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    [Fact]
    public void A_host_registered_writer_is_listed_and_converts()
    {
        var converter = Build();

        converter.Registry.Writers.Select(w => w.Format.Name).ShouldBe(["html"]);
        converter.Registry.FindWriter(".html").ShouldBeOfType<HtmlTitleWriter>();
        using var output = new MemoryStream();
        converter.Write(converter.ReadString("A & B\nbody", "a.txt"), "html", output);
        System.Text.Encoding.UTF8.GetString(output.ToArray()).ShouldBe("<h1>A &amp; B</h1>");
    }

    [Fact]
    public async Task ReadAsync_reads_a_stream_and_WriteAsync_writes_to_a_stream_that_refuses_synchronous_writes()
    {
        var converter = Build();
        using var input = new MemoryStream("标题\n"u8.ToArray());

        var article = await converter.ReadAsync(input, "x.txt", TestContext.Current.CancellationToken);
        using var output = new AsyncOnlyStream();
        await converter.WriteAsync(article, "html", output, TestContext.Current.CancellationToken);

        System.Text.Encoding.UTF8.GetString(output.ToArray()).ShouldBe("<h1>标题</h1>");
    }

    [Fact]
    public async Task ConvertManyAsync_writes_each_input_reports_progress_and_returns_failures_as_values()
    {
        using var folder = new TemporaryFolder();
        var good = folder.File("in/voa/1.txt");
        var bad = folder.File("in/dw/2.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(good)!);
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        await File.WriteAllTextAsync(good, "Good title\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(bad, "!broken\n", TestContext.Current.CancellationToken);
        var reports = new List<ConversionProgress>();

        var results = await Build().ConvertManyAsync([good, bad, folder.File("in/voa/missing.txt")], "html", folder.File("out"),
            new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        results.Select(r => r.Succeeded).ShouldBe([true, false, false]);
        results[0].OutputPath.ShouldBe(folder.File("out/voa/1.html"));
        File.ReadAllText(results[0].OutputPath!).ShouldBe("<h1>Good title</h1>");
        results[1].Error!.SourcePath.ShouldBe(bad);
        results[1].Error!.Problem.ShouldBe(FormatProblem.InvalidHeader);
        results[2].Error!.Problem.ShouldBe(FormatProblem.NotFound);
        File.Exists(folder.File("out/dw/2.html")).ShouldBeFalse();
        reports.Select(r => (r.Completed, r.Total, r.Result.SourcePath)).ShouldBe(
            [(1, 3, good), (2, 3, bad), (3, 3, folder.File("in/voa/missing.txt"))]);
    }

    [Fact]
    public async Task ConvertManyAsync_refuses_two_inputs_with_one_output_before_writing_anything()
    {
        using var folder = new TemporaryFolder();
        var error = await Should.ThrowAsync<ArgumentException>(() => Build().ConvertManyAsync(
            [folder.File("a/voa/1.txt"), folder.File("b/voa/1.txt")], "html", folder.File("out"),
            cancellationToken: TestContext.Current.CancellationToken));
        error.Message.ShouldContain("would both be written to");
        Directory.Exists(folder.File("out")).ShouldBeFalse();
    }

    [Fact]
    public async Task ConvertManyAsync_cancelled_before_it_starts_reports_every_input_cancelled_and_rejects_an_unknown_format_first()
    {
        using var folder = new TemporaryFolder();
        var input = folder.File("voa/1.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        await File.WriteAllTextAsync(input, "T\n", TestContext.Current.CancellationToken);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var results = await Build().ConvertManyAsync([input], "html", folder.File("out"), null, cancelled.Token);
        results.ShouldHaveSingleItem().Status.ShouldBe(ConversionStatus.Cancelled);
        results[0].Succeeded.ShouldBeFalse();
        Directory.Exists(folder.File("out")).ShouldBeFalse();
        await Should.ThrowAsync<UnknownFormatException>(() => Build().ConvertManyAsync([input], "pdf", folder.File("out")));
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; this reports inline so the order is checkable.</summary>
    private sealed class SynchronousProgress(Action<ConversionProgress> report) : IProgress<ConversionProgress>
    {
        public void Report(ConversionProgress value) => report(value);
    }
}
