using System.Text.Json;
using Convertify.Batch.Tests.Fakes;
using Convertify.Batch.Tests.Integration;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Faults;

/// <summary>
/// Outputs that cannot be written: a read-only file system, a folder the user may not write, a file that cannot be
/// replaced; and inputs that cannot be read. Root ignores file modes, so modes are shown to user nobody (setpriv) and
/// an unreplaceable file is made immutable (<c>chattr +i</c>, which binds root too).
/// </summary>
public sealed class UnwritableOutputTests
{
    [Fact]
    public void A_read_only_file_system_as_output_gives_one_line_naming_it()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.File("tree"));
        using var disk = TmpfsMount.Create(temp.File("ro"), "1m", readOnly: true);

        var run = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", disk.Path);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardError.ShouldBe($"convertify batch: {disk.Path}: read-only file system\n", run.ToString());
        run.StandardOutput.ShouldBeEmpty();
    }

    [Fact]
    public void An_output_folder_without_write_permission_gives_one_line_naming_it_and_is_not_touched()
    {
        using var temp = new TemporaryFolder();
        Unprivileged.OpenToAll(temp.Path);
        var archive = TestArchive.WriteSample(temp.File("tree"));
        var output = temp.File("out");
        TestArchive.Write(output, "articles/voa/1000.md", "kept as it is\n");
        Unprivileged.SetMode(output, (UnixFileMode)0b101_101_101);
        var before = TestArchive.Snapshot(output, outputsOnly: false);

        var run = Unprivileged.Run("batch", archive, "--to", "md,docx,xlsx", "--out", output);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardError.ShouldBe($"convertify batch: {output}: permission denied\n", run.ToString());
        TestArchive.Snapshot(output, outputsOnly: false).ShouldBe(before);
    }

    [Fact]
    public void An_output_file_that_cannot_be_replaced_gives_one_line_naming_it_and_the_rest_stays_whole()
    {
        var chattr = ExternalClients.RequireCommand("chattr");
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.File("tree"));
        var output = temp.File("out");
        var first = CliBinary.Run("batch", archive, "--to", "md,docx", "--out", output, "--quiet");
        first.ExitCode.ShouldBe(0, first.ToString());
        var before = TestArchive.Snapshot(output);
        var locked = Path.Combine(output, "articles", "voa", "1000.docx");
        var immutable = ProcessRunner.Run(chattr, ["+i", locked]);
        ExternalClients.Require(immutable.ExitCode == 0, $"chattr +i on {Path.GetTempPath()} ({immutable.StandardError.Trim()})");
        try
        {
            var run = CliBinary.Run("batch", archive, "--to", "md,docx", "--out", output, "--force", "--jobs", "1", "--quiet");

            run.ExitCode.ShouldBe(1, run.ToString());
            run.StandardError.ShouldBe($"convertify batch: {locked}: permission denied\n", run.ToString());
            TestArchive.Snapshot(output).ShouldBe(before);
            DiskFullTests.AssertNoTemporaryFiles(output);
            using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchReport.FileName)));
            var failed = report.RootElement.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("status").GetString() == "failed");
            failed.GetProperty("path").GetString().ShouldBe("articles/voa/1000.md");
            failed.GetProperty("reason").GetString().ShouldBe("docx output articles/voa/1000.docx could not be written: permission denied");
        }
        finally
        {
            ProcessRunner.Run(chattr, ["-i", locked]);
        }
    }

    [Fact]
    public void An_unreadable_input_fails_with_the_reason_and_the_run_goes_on()
    {
        using var temp = new TemporaryFolder();
        Unprivileged.OpenToAll(temp.Path);
        var archive = TestArchive.WriteSample(temp.File("tree"));
        Unprivileged.SetMode(Path.Combine(archive, "articles", "voa", "1000.md"), UnixFileMode.None);
        var output = temp.File("out");

        var run = Unprivileged.Run("batch", archive, "--to", "md,docx,xlsx", "--out", output);

        run.ExitCode.ShouldBe(1, run.ToString());
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchReport.FileName)));
        var inputs = report.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        var unreadable = inputs.Single(i => i.GetProperty("path").GetString() == "articles/voa/1000.md");
        unreadable.GetProperty("status").GetString().ShouldBe("failed");
        unreadable.GetProperty("reason").GetString()!.ShouldContain("denied");
        inputs.Count(i => i.GetProperty("status").GetString() == "converted").ShouldBeGreaterThan(0, "the run did not go on");
        File.Exists(Path.Combine(output, "catalog.xlsx")).ShouldBeTrue();
    }
}
