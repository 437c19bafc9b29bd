using System.Collections.Concurrent;
using Convertify.Archive.Indexes;
using Convertify.Batch.Tests.Fakes;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>
/// What a writer reports (e.g. a picture not downloaded) reaches the report and the catalogue; a retryable warning is
/// tried again next run, one the same input always gives (a WebP picture) settles.
/// </summary>
public sealed class WriterWarningTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Writer_warnings_reach_the_report_and_the_catalogue_and_such_articles_are_written_again_next_run()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        var writer = new WarningWriter("articles/voa/1001.md", settledFor: "articles/voa/1002.md");
        var catalogue = new WarningCatalogue();
        var converter = new ConverterBuilder().AddReader(new FakeReader()).AddIndexPageReader(new ArchiveIndexPages()).AddWriter(writer).AddCatalogWriter(catalogue).Build();
        var options = TestArchive.Options(output, "docx", "xlsx");

        var first = await new BatchRunner(converter).RunAsync(archive, options, null, None);

        first.ExitCode.ShouldBe(0, first.Summary());
        var warned = first.Inputs.Single(i => i.Path == "articles/voa/1001.md");
        warned.Status.ShouldBe(BatchStatus.Converted);
        warned.Warnings.ShouldNotBeNull().ShouldContain("fake.picture: picture of articles/voa/1001.md not downloaded");
        first.Inputs.Single(i => i.Path == "articles/voa/1002.md").Warnings.ShouldNotBeNull().ShouldContain("fake.webp: picture of articles/voa/1002.md is WebP");
        first.Inputs.Where(i => i.Path != warned.Path && i.Path != "articles/voa/1002.md").ShouldAllBe(i => i.Warnings == null || !i.Warnings.Any(w => w.StartsWith("fake.", StringComparison.Ordinal)));
        catalogue.Warnings.ShouldContain("articles/voa/1001.md: fake.picture");

        var second = await new BatchRunner(converter).RunAsync(archive, options, null, None);

        second.Inputs.Single(i => i.Path == warned.Path).Status.ShouldBe(BatchStatus.Converted);
        second.Inputs.Where(i => i.Path.StartsWith("articles/", StringComparison.Ordinal) && i.Path != warned.Path)
            .ShouldAllBe(i => i.Status == BatchStatus.Unchanged);

        var third = await new BatchRunner(converter).RunAsync(archive, options with { WriterSettings = "docx:fetch=True" }, null, None);

        third.Inputs.Where(i => i.Path.StartsWith("articles/", StringComparison.Ordinal)).ShouldAllBe(i => i.Status == BatchStatus.Converted);
    }

    private sealed class WarningWriter(string warnFor, string settledFor) : IWarningArticleWriter
    {
        public FormatInfo Format { get; } = new("docx", "fake warning writer", ".docx");

        public void Write(Article article, Stream output) => WriteWithWarnings(article, output);

        public IReadOnlyList<ConversionWarning> WriteWithWarnings(Article article, Stream output)
        {
            output.Write("docx"u8);
            return article.Metadata.SourcePath == warnFor ? [new ConversionWarning("fake.picture", $"picture of {warnFor} not downloaded", Retryable: true)]
                : article.Metadata.SourcePath == settledFor ? [new ConversionWarning("fake.webp", $"picture of {settledFor} is WebP")]
                : [];
        }
    }

    private sealed class WarningCatalogue : ICatalogWriter, IArticleSink
    {
        public ConcurrentBag<string> Warnings { get; } = [];

        public FormatInfo Format { get; } = new("xlsx", "fake catalogue of warnings", ".xlsx");

        public IArticleSink Open(Stream output, CatalogOptions? options = null) => this;

        public void Add(Article article, IReadOnlyDictionary<string, string>? exportedFiles = null)
        {
            foreach (var warning in article.Warnings)
            {
                Warnings.Add($"{article.Metadata.SourcePath}: {warning.Code}");
            }
        }

        public void AddFailure(string sourcePath, string message)
        {
        }

        public void Complete()
        {
        }

        public void Dispose()
        {
        }
    }
}
