using System.Globalization;
using System.Text;
using Convertify.Batch.Output;
using Convertify.Batch.State;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Output;

public sealed class OutputWriterTests
{
    private static readonly EnumerationOptions Everything = new() { RecurseSubdirectories = true, AttributesToSkip = 0 };

    [Fact]
    public void The_temporary_file_is_made_in_the_threads_own_folder_and_renamed_into_place()
    {
        using var temp = new TemporaryFolder();
        var output = temp.File("out");
        var target = Path.Combine(output, "articles/voa/1.md");

        new OutputWriter(output).Write(target, "# One\n"u8);

        File.ReadAllText(target).ShouldBe("# One\n");
        var threadFolder = Path.Combine(output, StateDatabase.FolderName, OutputWriter.TemporaryFolderName,
            Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture));
        Directory.Exists(threadFolder).ShouldBeTrue();
        Directory.EnumerateFileSystemEntries(threadFolder).ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!, "*", Everything).ShouldBe([target]);
    }

    [Fact]
    public void Two_threads_writing_into_one_folder_leave_every_file_whole_and_no_temporary_file()
    {
        using var temp = new TemporaryFolder();
        var output = temp.File("out");
        var writer = new OutputWriter(output);

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            writer.Write(Path.Combine(output, "articles/dw", $"{i}.md"), Encoding.UTF8.GetBytes($"article {i}\n")));

        for (var i = 0; i < 400; i++)
        {
            File.ReadAllText(Path.Combine(output, "articles/dw", $"{i}.md")).ShouldBe($"article {i}\n");
        }
        Directory.EnumerateFiles(output, "*.tmp", Everything).ShouldBeEmpty();
    }

    [Fact]
    public void A_replaced_output_gets_the_new_bytes()
    {
        using var temp = new TemporaryFolder();
        var output = temp.File("out");
        var target = Path.Combine(output, "a.md");
        var writer = new OutputWriter(output);

        writer.Write(target, "old"u8);
        writer.Write(target, "new"u8);

        File.ReadAllText(target).ShouldBe("new");
    }

    [Fact]
    public async Task A_killed_runs_temporary_file_in_a_thread_folder_is_removed_by_the_next_run()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        var threadFolder = Path.Combine(output, StateDatabase.FolderName, OutputWriter.TemporaryFolderName, "99");
        Directory.CreateDirectory(threadFolder);
        var stale = Path.Combine(threadFolder, $".1000.md.4242.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "half");

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output), null, CancellationToken.None);

        report.ExitCode.ShouldBe(0, report.Summary());
        File.Exists(stale).ShouldBeFalse();
        Directory.EnumerateFiles(output, "*.tmp", Everything).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_run_leaves_no_temporary_folders_behind_but_keeps_one_that_holds_a_file()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        var temporaryRoot = Path.Combine(output, StateDatabase.FolderName, OutputWriter.TemporaryFolderName);

        var first = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output), null, CancellationToken.None);

        first.ExitCode.ShouldBe(0, first.Summary());
        first.Totals.Converted.ShouldBeGreaterThan(0);
        Directory.Exists(temporaryRoot).ShouldBeFalse();

        var foreign = Path.Combine(temporaryRoot, "7", "kept.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(foreign)!);
        File.WriteAllText(foreign, "not ours");
        var second = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output) with { Force = true }, null, CancellationToken.None);

        second.ExitCode.ShouldBe(0, second.Summary());
        second.Totals.Converted.ShouldBeGreaterThan(0);
        File.ReadAllText(foreign).ShouldBe("not ours");
        Directory.EnumerateDirectories(temporaryRoot).ShouldBe([Path.GetDirectoryName(foreign)!]);
    }
}
