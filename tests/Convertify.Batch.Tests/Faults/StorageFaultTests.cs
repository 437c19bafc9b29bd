using System.Threading.Channels;
using Convertify.Batch.Faults;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.Tests.Faults;

/// <summary>Storage faults told apart by error number (never by message), and what a run does at one, in process.</summary>
public sealed class StorageFaultTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(28, "NoSpace")]
    [InlineData(122, "NoSpace")]
    [InlineData(30, "ReadOnly")]
    [InlineData(13, "PermissionDenied")]
    public void An_io_error_is_classified_by_its_errno(int errno, string problem)
    {
        var expected = Enum.Parse<StorageProblem>(problem);
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Windows keeps its own error numbers in HResult");
        StorageFault.Classify(new IOException("whatever the words", errno)).ShouldBe(expected);
        StorageFault.Classify(new InvalidOperationException("wrapped", new IOException("x", errno))).ShouldBe(expected);
    }

    [Fact]
    public void Messages_do_not_decide_and_other_errors_are_not_storage_faults()
    {
        StorageFault.Classify(new IOException("No space left on device", 5)).ShouldBeNull();
        StorageFault.Classify(new FileNotFoundException("no space left on device")).ShouldBeNull();
        StorageFault.Classify(new InvalidDataException("disk full")).ShouldBeNull();
        StorageFault.Classify(new UnauthorizedAccessException("denied")).ShouldBe(StorageProblem.PermissionDenied);
    }

    [Fact]
    public void Sqlite_result_codes_and_a_failed_state_writer_are_classified()
    {
        StorageFault.Classify(new SqliteException("database or disk is full", 13)).ShouldBe(StorageProblem.NoSpace);
        StorageFault.Classify(new SqliteException("attempt to write a readonly database", 8)).ShouldBe(StorageProblem.ReadOnly);
        StorageFault.Classify(new ChannelClosedException(new SqliteException("full", 13))).ShouldBe(StorageProblem.NoSpace);
        StorageFault.Classify(new SqliteException("constraint", 19)).ShouldBeNull();
        StorageFault.Describe(StorageProblem.NoSpace).ShouldBe("no space left on device");
    }

    [Fact]
    public async Task A_full_disk_while_writing_stops_the_run_and_the_report_accounts_for_every_input()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the fake fault is an errno");
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 10);
        var docx = new FakeWriter("docx", ".docx") { OnWrite = (_, count) => { if (count == 5) throw new IOException("disk full", 28); } };
        var output = temp.File("out");

        var error = await Should.ThrowAsync<BatchStorageException>(() =>
            new BatchRunner(TestArchive.Converter(new FakeWriter("md", ".md"), docx)).RunAsync(archive, TestArchive.Options(output) with { Jobs = 1 }, null, None));

        error.Problem.ShouldBe("no space left on device");
        error.Path.ShouldStartWith(Path.Combine(output, "articles"));
        error.Path.ShouldEndWith(".docx");
        error.Message.ShouldBe($"{error.Path}: no space left on device");
        error.Accounting.ShouldBeNull();
        var report = error.Report.ShouldNotBeNull();
        report.Totals.Found.ShouldBe(31);
        report.Totals.Failed.ShouldBe(1);
        report.Totals.Converted.ShouldBe(4);
        (report.Totals.Converted + report.Totals.Skipped + report.Totals.Failed + report.Totals.Cancelled).ShouldBe(31);
        report.Inputs.Single(i => i.Status == BatchStatus.Failed).Reason.ShouldEndWith(".docx could not be written: no space left on device");
        report.Inputs.Where(i => i.Status == BatchStatus.Cancelled).ShouldAllBe(i => i.Reason!.StartsWith("not reached: the run stopped at ", StringComparison.Ordinal));
        File.Exists(Path.Combine(output, BatchReport.FileName)).ShouldBeTrue();
        File.Exists(Path.Combine(output, "catalog.xlsx")).ShouldBeFalse();
        DiskFullTests.AssertNoTemporaryFiles(output);
    }

    [Fact]
    public async Task An_input_that_vanishes_after_listing_fails_as_not_found_and_the_run_goes_on()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 3);
        var vanishing = Path.Combine(archive, "articles", "voa", "1002.md");
        // Inputs go in path order with one worker: bbc and dw are written before voa is read.
        var md = new FakeWriter("md", ".md") { OnWrite = (_, _) => File.Delete(vanishing) };

        var report = await new BatchRunner(TestArchive.Converter(md)).RunAsync(archive, TestArchive.Options(temp.File("out"), "md") with { Jobs = 1 }, null, None);

        var failed = report.Inputs.Single(i => i.Status == BatchStatus.Failed);
        failed.Path.ShouldBe("articles/voa/1002.md");
        failed.Reason.ShouldBe("file not found");
        report.Totals.Converted.ShouldBe(8);
        report.ExitCode.ShouldBe(1);
    }
}
