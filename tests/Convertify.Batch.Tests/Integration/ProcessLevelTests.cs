using System.Diagnostics;
using System.Text.Json;
using Convertify.Batch.State;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests.Integration;

/// <summary>The built CLI killed and interrupted for real.</summary>
public sealed class ProcessLevelTests
{
    private const int SignalInterrupt = 2;
    private const int SignalTerminate = 15;
    [Fact]
    public void A_run_killed_midway_and_rerun_ends_byte_identical_to_a_clean_run()
    {
        Corpus.Root();
        using var temp = new TemporaryFolder();
        var archive = RealFormats.ScaledCorpus(temp.Path, 2000);
        var clean = temp.File("clean");
        var killed = temp.File("killed");

        var cleanRun = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", clean, "--quiet");
        cleanRun.ExitCode.ShouldBe(0, cleanRun.ToString());

        using (var process = CliBinary.Start("batch", archive, "--to", "md,docx,xlsx", "--out", killed, "--quiet"))
        {
            CliBinary.WaitForFirstOutput(process, killed);
            WaitForRecordedInputs(process, killed);
            process.HasExited.ShouldBeFalse("the run finished before it could be killed; make the corpus bigger");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        File.Exists(Path.Combine(killed, BatchReport.FileName)).ShouldBeFalse();

        var rerun = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", killed, "--quiet");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        var totals = Totals(killed);
        totals.GetProperty("unchanged").GetInt32().ShouldBeGreaterThan(0, "nothing survived the kill");
        (totals.GetProperty("unchanged").GetInt32() + totals.GetProperty("converted").GetInt32()).ShouldBe(2000);

        TestArchive.Snapshot(killed).ShouldBe(TestArchive.Snapshot(clean));
        Directory.EnumerateFiles(killed, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public void Sigint_stops_cleanly_with_a_report_and_no_temporary_files()
    {
        Corpus.Root();
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals are sent with Linux's kill(2)");
        using var temp = new TemporaryFolder();
        var archive = RealFormats.ScaledCorpus(temp.Path, 2000);
        var output = temp.File("out");

        using var process = CliBinary.Start("batch", archive, "--to", "md,docx,xlsx", "--out", output, "--jobs", "2");
        CliBinary.WaitForFirstOutput(process, output);
        Thread.Sleep(100);
        process.HasExited.ShouldBeFalse("the run finished before it could be interrupted");
        // Sent from here rather than by starting kill(1): on a loaded machine starting a process took long enough for
        // the whole batch to finish first (CI, 2026-11-24).
        Signal(process.Id, SignalInterrupt).ShouldBe(0);
        var signalled = Stopwatch.StartNew();
        process.WaitForExit(60_000).ShouldBeTrue("the run did not stop after SIGINT");
        var reportPath = Path.Combine(output, BatchReport.FileName);
        process.ExitCode.ShouldBe(130, $"exited {signalled.ElapsedMilliseconds} ms after the signal; " +
            (File.Exists(reportPath) ? "report totals: " + Totals(output).GetRawText() : "no report"));

        using var report = JsonDocument.Parse(File.ReadAllBytes(reportPath));
        report.RootElement.GetProperty("cancelled").GetBoolean().ShouldBeTrue();
        var totals = report.RootElement.GetProperty("totals");
        totals.GetProperty("found").GetInt32().ShouldBe(2000);
        totals.GetProperty("cancelled").GetInt32().ShouldBeGreaterThan(0);
        report.RootElement.GetProperty("inputs").GetArrayLength().ShouldBe(2000);
        Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        File.Exists(Path.Combine(output, "catalog.xlsx")).ShouldBeFalse();
    }

    [Fact]
    public void Sigterm_stops_cleanly_with_exit_143_and_a_resumed_run_ends_as_a_clean_run()
    {
        Corpus.Root();
        Assert.SkipUnless(OperatingSystem.IsLinux(), "signals are sent with Linux's kill(2)");
        using var temp = new TemporaryFolder();
        var archive = RealFormats.ScaledCorpus(temp.Path, 600);
        var clean = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", temp.File("clean"), "--quiet");
        clean.ExitCode.ShouldBe(0, clean.ToString());
        var output = temp.File("out");

        using (var process = CliBinary.Start("batch", archive, "--to", "md,docx,xlsx", "--out", output, "--jobs", "2"))
        {
            CliBinary.WaitForFirstOutput(process, output);
            process.HasExited.ShouldBeFalse("the run finished before it could be stopped");
            Signal(process.Id, SignalTerminate).ShouldBe(0);
            process.WaitForExit(60_000).ShouldBeTrue("the run did not stop after SIGTERM");
            process.ExitCode.ShouldBe(143);
        }
        using (var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchReport.FileName))))
        {
            report.RootElement.GetProperty("cancelled").GetBoolean().ShouldBeTrue();
            report.RootElement.GetProperty("totals").GetProperty("cancelled").GetInt32().ShouldBeGreaterThan(0);
            report.RootElement.GetProperty("inputs").GetArrayLength().ShouldBe(600);
        }
        Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();

        var resumed = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", output, "--quiet");
        resumed.ExitCode.ShouldBe(0, resumed.ToString());
        TestArchive.Snapshot(output).ShouldBe(TestArchive.Snapshot(temp.File("clean")));
    }

    [Fact]
    public void Killed_at_ten_random_moments_every_rerun_ends_byte_identical_to_a_clean_run_and_no_stale_lock_blocks_it()
    {
        Corpus.Root();
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CONVERTIFY_FAULT_SEED"), out var given) ? given : Environment.TickCount;
        TestContext.Current.TestOutputHelper?.WriteLine($"kill -9 moments: seed {seed} (CONVERTIFY_FAULT_SEED={seed} repeats them)");
        var random = new Random(seed);
        using var temp = new TemporaryFolder();
        // The corpus itself (106 inputs): 21 runs of it stay near a minute in CI.
        var archive = Corpus.Archive();
        _ = CliBinary.DllPath; // built (or checked) before the clean run is timed
        var timer = Stopwatch.StartNew();
        var clean = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", temp.File("clean"), "--quiet");
        var duration = timer.Elapsed;
        clean.ExitCode.ShouldBe(0, clean.ToString());
        var reference = TestArchive.Snapshot(temp.File("clean"));
        var killed = 0;

        for (var k = 0; k < 10; k++)
        {
            var moment = TimeSpan.FromMilliseconds(random.NextDouble() * duration.TotalMilliseconds);
            var output = temp.File("killed" + k);
            var context = $"seed {seed}, kill {k} at {moment.TotalMilliseconds:0} ms of a {duration.TotalMilliseconds:0} ms run";
            using (var process = CliBinary.Start("batch", archive, "--to", "md,docx,xlsx", "--out", output, "--quiet"))
            {
                process.WaitForExit(moment);
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    killed++;
                }
                process.WaitForExit();
            }
            // The killed run's lock file stays, with its pid in it: the kernel dropped the lock itself.
            var rerun = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", output, "--quiet");
            rerun.ExitCode.ShouldBe(0, context + "\n" + rerun);
            TestArchive.Snapshot(output).ShouldBe(reference, context);
            Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty(context);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{killed} of 10 runs killed before they ended; clean run {duration.TotalMilliseconds:0} ms");
        killed.ShouldBeGreaterThan(0, $"seed {seed}: every run ended before its moment");
    }

    [Fact]
    public void A_second_batch_on_the_same_output_is_refused_at_once_while_the_first_runs()
    {
        Corpus.Root();
        using var temp = new TemporaryFolder();
        var archive = RealFormats.ScaledCorpus(temp.Path, 2000);
        var output = temp.File("out");

        using (var first = CliBinary.Start("batch", archive, "--to", "md,docx", "--out", output, "--quiet"))
        {
            CliBinary.WaitForFirstOutput(first, output);
            var second = CliBinary.Run("batch", archive, "--to", "md", "--out", output, "--quiet");
            first.HasExited.ShouldBeFalse("the first run finished before the second started; make the corpus bigger");
            second.ExitCode.ShouldBe(1, second.ToString());
            second.StandardError.Trim().ShouldBe($"convertify batch: another convertify batch is writing {output} (pid {first.Id})");
            first.WaitForExit(120_000).ShouldBeTrue();
            first.ExitCode.ShouldBe(0);
        }

        // The lock went with the first run: the next one gets the folder, and finds everything done.
        var rerun = CliBinary.Run("batch", archive, "--to", "md,docx", "--out", output, "--quiet");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        Totals(output).GetProperty("unchanged").GetInt32().ShouldBe(2000);
    }

    [Fact]
    public void Usage_errors_exit_2_and_failures_exit_1()
    {
        using var temp = new TemporaryFolder();
        CliBinary.Run("batch", temp.Path, "--to", "md").ExitCode.ShouldBe(2, "missing --out");
        CliBinary.Run("batch", temp.File("missing"), "--to", "md", "--out", temp.File("o")).ExitCode.ShouldBe(1, "a missing input cannot be converted");
        CliBinary.Run("batch", temp.Path, "--to", "pdf", "--out", temp.File("o")).ExitCode.ShouldBe(2);
        CliBinary.Run("batch", temp.Path, "--to", "md", "--out", temp.File("o"), "--since", "2024-13-01").ExitCode.ShouldBe(2);
        CliBinary.Run("batch", temp.Path, "--to", "md", "--out", temp.File("o"), "--shard", "3/2").ExitCode.ShouldBe(2);

        var archive = TestArchive.WriteSample(temp.File("tree"));
        TestArchive.Write(archive, "articles/voa/bad.md", "not an article\n");
        var run = CliBinary.Run("batch", archive, "--to", "md,docx,xlsx", "--out", temp.File("out"));
        run.ExitCode.ShouldBe(1, run.ToString());
        run.StandardOutput.ShouldContain("1 failed");
        run.StandardOutput.ShouldContain("failed: articles/voa/bad.md");
    }

    [Fact]
    public void Shard_catalogues_merge_into_one()
    {
        Corpus.Root();
        using var temp = new TemporaryFolder();
        var archive = Corpus.Archive();
        for (var k = 1; k <= 2; k++)
        {
            var shard = CliBinary.Run("batch", archive, "--to", "md,xlsx", "--out", temp.File("s" + k), "--shard", $"{k}/2", "--quiet");
            shard.ExitCode.ShouldBe(0, shard.ToString());
        }
        var merged = CliBinary.Run("catalog", "merge", temp.File("s1/catalog.xlsx"), temp.File("s2/catalog.xlsx"), "-o", temp.File("all.xlsx"));
        merged.ExitCode.ShouldBe(0, merged.ToString());
        File.Exists(temp.File("all.xlsx")).ShouldBeTrue();
        var converted = new[] { 1, 2 }.Sum(k => Totals(temp.File("s" + k)).GetProperty("converted").GetInt32());
        converted.ShouldBe(Corpus.ArticleFiles().Count);
    }

    /// <summary>Waits (on a loaded machine too) until the run has committed some inputs to its state, so a kill now leaves some behind.</summary>
    private static void WaitForRecordedInputs(Process process, string output)
    {
        var database = StateDatabase.PathIn(output);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                if (File.Exists(database) && StateDatabase.Query(database, "SELECT count(*) FROM manifest", r => r.GetInt64(0)).Single() > 0)
                {
                    return;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The run is still making its tables.
            }
            Thread.Sleep(50);
        }
    }

    private static JsonElement Totals(string output)
    {
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchReport.FileName)));
        return report.RootElement.GetProperty("totals").Clone();
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Signal(int pid, int signal);
}
