using System.Text;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;
using DocumentFormat.OpenXml.Packaging;
using YamlDotNet.RepresentationModel;

namespace Convertify.Batch.Tests.Integration;

public sealed class CorpusBatchTests
{
    [Fact]
    public async Task The_corpus_as_folder_tar_gz_and_zip_gives_the_same_valid_outputs()
    {
        var archive = Corpus.Archive();
        var articleCount = Corpus.ArticleFiles().Count;
        var listCount = Corpus.ListFiles().Count;
        using var temp = new TemporaryFolder();
        var inputs = new[]
        {
            archive,
            RealFormats.TarGz(archive, temp.File("corpus.tar.gz")),
            RealFormats.Zip(archive, temp.File("corpus.zip")),
        };
        var snapshots = new List<SortedDictionary<string, string>>();
        var failures = new List<string>();
        for (var n = 0; n < inputs.Length; n++)
        {
            var output = temp.File("out" + n);
            var report = await new BatchRunner(RealFormats.Converter()).RunAsync(inputs[n], TestArchive.Options(output) with { Jobs = 2 },
                null, TestContext.Current.CancellationToken);
            report.ExitCode.ShouldBe(0, report.Summary());
            report.Totals.Found.ShouldBe(articleCount + listCount);
            report.Totals.Converted.ShouldBe(articleCount);
            report.CatalogPath.ShouldBe("catalog.xlsx");
            snapshots.Add(TestArchive.Snapshot(output));
        }
        snapshots[1].ShouldBe(snapshots[0], "tar.gz vs folder");
        snapshots[2].ShouldBe(snapshots[0], "zip vs folder");

        var output0 = temp.File("out0");
        foreach (var file in Corpus.ArticleFiles())
        {
            var relative = Corpus.Relative(file);
            var markdown = Path.Combine(output0, relative);
            var word = Path.ChangeExtension(markdown, ".docx");
            try
            {
                var title = FrontMatterTitle(File.ReadAllText(markdown, Encoding.UTF8));
                if (string.IsNullOrWhiteSpace(title))
                {
                    failures.Add($"{relative}: front matter has no title");
                }
                using var document = WordprocessingDocument.Open(word, false);
                if (document.MainDocumentPart?.Document?.Body is null)
                {
                    failures.Add($"{relative}: docx has no body");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{relative}: {e.GetType().Name}: {e.Message}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_rerun_over_the_corpus_is_all_unchanged_and_byte_identical()
    {
        var archive = Corpus.Archive();
        using var temp = new TemporaryFolder();
        var output = temp.File("out");
        var runner = new BatchRunner(RealFormats.Converter());
        await runner.RunAsync(archive, TestArchive.Options(output), null, TestContext.Current.CancellationToken);
        var first = TestArchive.Snapshot(output);
        var again = await runner.RunAsync(archive, TestArchive.Options(output), null, TestContext.Current.CancellationToken);
        again.Totals.Converted.ShouldBe(0);
        again.Totals.Unchanged.ShouldBe(Corpus.ArticleFiles().Count);
        TestArchive.Snapshot(output).ShouldBe(first);
    }

    private static string? FrontMatterTitle(string markdown)
    {
        if (!markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }
        var end = markdown.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var yaml = new YamlStream();
        yaml.Load(new StringReader(markdown[4..end]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return root.Children.TryGetValue(new YamlScalarNode("title"), out var title) ? (title as YamlScalarNode)?.Value : null;
    }
}
