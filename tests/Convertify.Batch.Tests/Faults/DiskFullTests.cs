using System.Text.RegularExpressions;
using Convertify.Batch.Tests.Fakes;
using Convertify.Batch.Tests.Integration;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Faults;

/// <summary>The built CLI with its output on a full disk (a 1 MB tmpfs): one line, exit 1, nothing partial, and a re-run after space is freed ends as a clean run.</summary>
public sealed class DiskFullTests
{
    [Fact]
    public void A_disk_that_fills_while_outputs_are_written_stops_the_run_with_one_line_and_a_rerun_ends_as_a_clean_run()
    {
        var archive = Corpus.Archive();
        using var temp = new TemporaryFolder();
        var clean = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", temp.File("clean"), "--quiet");
        clean.ExitCode.ShouldBe(0, clean.ToString());
        using var disk = TmpfsMount.Create(temp.File("full"), "1m");

        var full = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", disk.Path, "--quiet");

        full.ExitCode.ShouldBe(1, full.ToString());
        var lines = full.StandardError.TrimEnd().Split('\n');
        lines[0].ShouldMatch($"^convertify batch: {Regex.Escape(disk.Path)}/\\S+: no space left on device$", full.ToString());
        full.StandardError.ShouldNotContain("   at ");
        AccountsForEveryInput(lines, full.ToString());
        AssertNothingPartial(disk.Path, temp.File("clean"));

        disk.Remount("size=64m");
        var rerun = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", disk.Path, "--quiet");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        TestArchive.Snapshot(disk.Path).ShouldBe(TestArchive.Snapshot(temp.File("clean")));
    }

    [Fact]
    public void A_disk_full_when_only_the_state_and_the_report_are_written_still_gives_one_line_and_an_account_of_every_input()
    {
        var archive = Corpus.Archive();
        using var temp = new TemporaryFolder();
        using var disk = TmpfsMount.Create(temp.File("disk"), "16m");
        var output = Path.Combine(disk.Path, "out");
        var first = CliBinary.Run("batch", archive, "--to", "md,docx", "--out", output, "--quiet");
        first.ExitCode.ShouldBe(0, first.ToString());
        var before = TestArchive.Snapshot(output);
        var filler = Path.Combine(disk.Path, "filler");
        Fill(filler);

        // Every input is unchanged: the run writes only its state and its report.
        var full = CliBinary.Run("batch", archive, "--to", "md,docx", "--out", output, "--quiet");

        full.ExitCode.ShouldBe(1, full.ToString());
        var lines = full.StandardError.TrimEnd().Split('\n');
        lines[0].ShouldMatch($"^convertify batch: {Regex.Escape(output)}/\\S+: no space left on device$", full.ToString());
        full.StandardError.ShouldNotContain("   at ");
        if (lines.Length > 1)
        {
            AccountsForEveryInput(lines, full.ToString());
        }
        TestArchive.Snapshot(output).ShouldBe(before);
        AssertNoTemporaryFiles(output);

        File.Delete(filler);
        var rerun = CliBinary.Run("batch", archive, "--to", "md,docx", "--out", output, "--quiet");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        TestArchive.Snapshot(output).ShouldBe(before);
    }

    /// <summary>Writes <paramref name="path"/> until the disk is full.</summary>
    internal static void Fill(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Create, FileAccess.Write);
        var block = new byte[64 * 1024];
        long offset = 0;
        // Unbuffered writes, smaller and smaller, until not one byte more fits.
        for (var size = block.Length; size > 0; size /= 2)
        {
            try
            {
                while (true)
                {
                    RandomAccess.Write(file, block.AsSpan(0, size), offset);
                    offset += size;
                }
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The second line, when the report could not be written, gives counts that add up to the inputs found.</summary>
    private static void AccountsForEveryInput(string[] lines, string context)
    {
        lines.Length.ShouldBe(2, context);
        var match = Regex.Match(lines[1],
            @"^convertify batch: the report could not be written; of (\d+) inputs found: (\d+) converted, (\d+) unchanged, (\d+) skipped, (\d+) failed, (\d+) not reached$");
        match.Success.ShouldBeTrue(context);
        var found = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        found.ShouldBe(Corpus.ArticleFiles().Count + Corpus.ListFiles().Count, context);
        Enumerable.Range(2, 5).Sum(g => int.Parse(match.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(found, context);
    }

    /// <summary>Every output on the full disk is whole (the same bytes as a clean run's), and no temporary file is left.</summary>
    private static void AssertNothingPartial(string output, string clean)
    {
        var reference = TestArchive.Snapshot(clean);
        foreach (var (path, hash) in TestArchive.Snapshot(output))
        {
            reference.ShouldContainKey(path);
            hash.ShouldBe(reference[path], path);
        }
        AssertNoTemporaryFiles(output);
    }

    internal static void AssertNoTemporaryFiles(string output) =>
        Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
}
