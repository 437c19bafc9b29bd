using Convertify.Batch.Tests.Integration;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Faults;

/// <summary><c>convert -o</c> where the file cannot go: one line naming the folder, exit 1, no temporary file left.</summary>
public sealed class ConvertOutputTests
{
    [Theory]
    [InlineData("/proc/convertify-test.md", "/proc")]
    [InlineData("/proc/convertify-missing/x.md", "/proc/convertify-missing")]
    public void Convert_into_a_folder_that_takes_no_files_names_the_folder(string target, string folder)
    {
        using var temp = new TemporaryFolder();
        var article = Path.Combine(Fakes.TestArchive.WriteSample(temp.Path, perSite: 1), "articles", "voa", "1000.md");

        var run = CliBinary.Run("convert", article, "--to", "md", "-o", target);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardError.ShouldBe($"convertify: {folder}: cannot write {Path.GetFileName(target)} there: no such folder, or it does not take new files\n");
    }

    [Fact]
    public void Convert_onto_a_full_disk_names_the_folder_and_leaves_no_temporary_file()
    {
        using var temp = new TemporaryFolder();
        var article = Path.Combine(Fakes.TestArchive.WriteSample(temp.Path, perSite: 1), "articles", "voa", "1000.md");
        using var disk = TmpfsMount.Create(temp.File("full"), "1m");
        DiskFullTests.Fill(Path.Combine(disk.Path, "filler"));

        var run = CliBinary.Run("convert", article, "--to", "docx", "-o", Path.Combine(disk.Path, "a.docx"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardError.ShouldBe($"convertify: {disk.Path}: cannot write a.docx there: no space left on device\n");
        Directory.EnumerateFileSystemEntries(disk.Path).Select(Path.GetFileName).ShouldBe(["filler"]);
    }
}
