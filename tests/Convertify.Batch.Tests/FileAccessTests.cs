using Convertify.Batch.Sources;
using Convertify.Batch.Tests.Fakes;
using Convertify.Errors;
using Convertify.Formats;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>How a batch finds, reads and writes files on disk: the cheap paths must keep every check and error of the careful ones.</summary>
public sealed class FileAccessTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void A_folder_lists_markdown_files_at_any_depth_hidden_ones_too_and_descends_into_a_folder_named_like_one()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 1);
        TestArchive.Write(archive, "articles/voa/.hidden.md", "x");
        TestArchive.Write(archive, "articles/voa/deep/er/2000.MD", "x");
        TestArchive.Write(archive, "articles/voa/notes.txt", "x");
        TestArchive.Write(archive, "articles/voa/folder.md/3000.md", "x");

        using var source = new FolderSource(archive);

        source.KnownPaths.ShouldBe([
            "articles/bbc/1200.md", "articles/dw/1100.md", "articles/voa/.hidden.md", "articles/voa/1000.md",
            "articles/voa/deep/er/2000.MD", "articles/voa/folder.md/3000.md", "lists/Sample.md",
        ]);
    }

    [Fact]
    public async Task An_input_deleted_after_it_was_listed_fails_as_not_found()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 1);
        using var source = new FolderSource(archive);
        var entry = source.Entries(None).Single(e => e.RelativePath == "articles/voa/1000.md");
        File.Delete(Path.Combine(archive, "articles/voa/1000.md"));

        var error = await Should.ThrowAsync<ArticleFormatException>(() => entry.LoadAsync(None));

        error.Problem.ShouldBe(FormatProblem.NotFound);
        error.Detail.ShouldBe("file not found");
    }

    [Fact]
    public async Task An_input_read_through_a_link_inside_the_folder_keeps_the_links_name()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 1);
        File.CreateSymbolicLink(Path.Combine(archive, "articles/dw/alias.md"), Path.Combine(archive, "articles/voa/1000.md"));
        File.CreateSymbolicLink(Path.Combine(archive, "articles/dw/broken.md"), Path.Combine(archive, "articles/voa/none.md"));
        using var source = new FolderSource(archive);

        var entries = source.Entries(None).ToDictionary(e => e.RelativePath);

        var input = await entries["articles/dw/alias.md"].LoadAsync(None);
        input.Path.ShouldBe("articles/dw/alias.md");
        input.Content.ToArray().ShouldBe(File.ReadAllBytes(Path.Combine(archive, "articles/voa/1000.md")));
        entries["articles/dw/broken.md"].Error.ShouldBe("broken symbolic link");
    }

    [Fact]
    public async Task A_too_large_input_fails_alone_with_its_size()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 1);
        using (var stream = File.Create(Path.Combine(archive, "articles/voa/huge.md")))
        {
            stream.SetLength(ArticleInput.MaxBytes + 1);
        }

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out"), "md"), null, None);

        var huge = report.Inputs.Single(i => i.Path == "articles/voa/huge.md");
        huge.Status.ShouldBe(BatchStatus.Failed);
        huge.Reason.ShouldBe("file is 67,108,865 bytes; an article is at most 67,108,864 bytes");
        report.Totals.Converted.ShouldBe(3);
    }

    [Fact]
    public async Task An_output_that_cannot_replace_its_target_fails_with_one_line_and_leaves_no_temporary_file()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 1);
        var output = temp.File("out");
        // A folder where the output file should go: the rename over it fails.
        Directory.CreateDirectory(Path.Combine(output, "articles/voa/1000.md/in-the-way"));

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output, "md"), null, None);

        var failed = report.Inputs.Single(i => i.Path == "articles/voa/1000.md");
        failed.Status.ShouldBe(BatchStatus.Failed);
        failed.Reason.ShouldStartWith("md writer failed (IOException): ");
        failed.Reason.ShouldNotContain("\n");
        report.Totals.Converted.ShouldBe(2);
        Directory.EnumerateFiles(output, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).ShouldBeEmpty();
        File.Exists(Path.Combine(output, "articles/dw/1100.md")).ShouldBeTrue();
    }
}
