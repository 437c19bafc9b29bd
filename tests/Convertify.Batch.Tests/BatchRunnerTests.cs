using System.Text.Json;
using Convertify.Errors;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

public sealed class BatchRunnerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Folder_zip_and_tar_gz_of_the_same_tree_give_the_same_outputs()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var inputs = new[]
        {
            archive,
            TestArchive.Zip(archive, temp.File("archive.zip")),
            TestArchive.TarGz(archive, temp.File("archive.tar.gz")),
        };
        var snapshots = new List<SortedDictionary<string, string>>();
        foreach (var (input, n) in inputs.Select((x, n) => (x, n)))
        {
            var output = temp.File("out" + n);
            var report = await new BatchRunner(TestArchive.Converter()).RunAsync(input, TestArchive.Options(output), null, None);
            report.ExitCode.ShouldBe(0, report.Summary());
            report.Totals.Found.ShouldBe(10, report.Summary());
            report.Totals.Converted.ShouldBe(9);
            report.Totals.Skipped.ShouldBe(1);
            report.Inputs.Select(i => i.Path).ShouldBe(report.Inputs.Select(i => i.Path).Order(StringComparer.Ordinal));
            snapshots.Add(TestArchive.Snapshot(output));
        }
        snapshots[0].Keys.ShouldContain("articles/voa/1000.md");
        snapshots[0].Keys.ShouldContain("articles/voa/1000.docx");
        snapshots[0].Keys.ShouldContain("catalog.xlsx");
        snapshots[0].Keys.ShouldNotContain("lists/Sample.md");
        foreach (var other in snapshots.Skip(1))
        {
            other.ShouldBe(snapshots[0]);
        }
    }

    [Fact]
    public async Task Catalogue_rows_are_in_path_order_whatever_the_parallelism()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 20);
        var catalogues = new List<string>();
        foreach (var jobs in new[] { 1, 8 })
        {
            var output = temp.File("out" + jobs);
            await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output) with { Jobs = jobs }, null, None);
            catalogues.Add(File.ReadAllText(Path.Combine(output, "catalog.xlsx")));
        }
        catalogues[1].ShouldBe(catalogues[0]);
        var ids = catalogues[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')[1]).ToList();
        ids.Count.ShouldBe(60);
        ids.First().ShouldBe("bbc/1200");
        catalogues[0].ShouldContain("docx=articles/bbc/1200.docx,md=articles/bbc/1200.md");
    }

    [Fact]
    public async Task Report_json_lists_every_input_with_totals_that_add_up()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        TestArchive.Write(archive, "articles/voa/broken.md", "no header at all\n");
        var output = temp.File("out");
        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output), null, None);
        report.ExitCode.ShouldBe(1);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, BatchReport.FileName)));
        var root = json.RootElement;
        var totals = root.GetProperty("totals");
        var inputs = root.GetProperty("inputs").EnumerateArray().ToList();
        totals.GetProperty("found").GetInt32().ShouldBe(inputs.Count);
        (totals.GetProperty("converted").GetInt32() + totals.GetProperty("unchanged").GetInt32() + totals.GetProperty("skipped").GetInt32() +
         totals.GetProperty("failed").GetInt32() + totals.GetProperty("cancelled").GetInt32()).ShouldBe(inputs.Count);
        totals.GetProperty("failed").GetInt32().ShouldBe(1);
        var broken = inputs.Single(i => i.GetProperty("path").GetString() == "articles/voa/broken.md");
        broken.GetProperty("status").GetString().ShouldBe("failed");
        broken.GetProperty("reason").GetString()!.ShouldContain("missing article header");
        root.GetProperty("tool").GetProperty("version").GetString().ShouldBe(BatchRunner.ToolVersion);
        root.GetProperty("options").GetProperty("formats").EnumerateArray().Select(f => f.GetString()).ShouldBe(["md", "docx", "xlsx"]);
        root.GetProperty("exitCode").GetInt32().ShouldBe(1);
        File.ReadAllText(Path.Combine(output, "catalog.xlsx")).ShouldContain("failure\tarticles/voa/broken.md");
    }

    [Fact]
    public async Task A_failing_input_fails_alone_and_fail_fast_stops_the_run()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        TestArchive.Write(archive, "articles/dw/1100.md", TestArchive.Article("t", "https://x.example/1", "FAIL here"));

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out")), null, None);
        report.ExitCode.ShouldBe(1);
        report.Inputs.Single(i => i.Path == "articles/dw/1100.md").Status.ShouldBe(BatchStatus.Failed);
        report.Totals.Converted.ShouldBe(8);
        File.Exists(temp.File("out/articles/dw/1101.md")).ShouldBeTrue();
        File.Exists(temp.File("out/articles/dw/1100.md")).ShouldBeFalse();

        var fast = await new BatchRunner(TestArchive.Converter()).RunAsync(archive,
            TestArchive.Options(temp.File("fast")) with { FailFast = true, Jobs = 1 }, null, None);
        fast.ExitCode.ShouldBe(1);
        fast.Totals.Failed.ShouldBe(1);
        fast.Totals.Found.ShouldBe(10);
        fast.Totals.Cancelled.ShouldBeGreaterThan(0, fast.Summary());
        fast.Inputs.Where(i => i.Status == BatchStatus.Cancelled).ShouldAllBe(i => i.Reason!.Contains("--fail-fast"));
        fast.CatalogPath.ShouldBeNull();
    }

    [Fact]
    public async Task Filters_skip_by_site_date_and_language_with_reasons()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());

        var sites = await runner.RunAsync(archive, TestArchive.Options(temp.File("sites")) with { Sites = ["voa", "DW"] }, null, None);
        sites.Inputs.Where(i => i.Status == BatchStatus.Converted).Select(i => i.Path.Split('/')[1]).Distinct().Order().ShouldBe(["dw", "voa"]);
        sites.Inputs.Where(i => i.Path.StartsWith("articles/bbc/")).ShouldAllBe(i => i.Status == BatchStatus.Skipped && i.Reason!.Contains("--site"));

        // Articles are dated 2024-03-01, -11 and -21 per site.
        var dates = await runner.RunAsync(archive,
            TestArchive.Options(temp.File("dates")) with { Since = new DateOnly(2024, 3, 11), Until = new DateOnly(2024, 3, 11) }, null, None);
        dates.Inputs.Where(i => i.Status == BatchStatus.Converted).Select(i => i.Path).ShouldBe(
            ["articles/bbc/1201.md", "articles/dw/1101.md", "articles/voa/1001.md"]);
        dates.Inputs.Single(i => i.Path == "articles/voa/1000.md").Reason.ShouldBe("filter: published 2024-03-01, before --since 2024-03-11");

        var languages = await runner.RunAsync(archive, TestArchive.Options(temp.File("lang")) with { Languages = ["en"] }, null, None);
        languages.Inputs.Where(i => i.Status == BatchStatus.Converted).ShouldAllBe(i => i.Path.StartsWith("articles/bbc/"));
        languages.Totals.Converted.ShouldBe(3);
        languages.Totals.Found.ShouldBe(10);
        File.ReadAllText(temp.File("lang/catalog.xlsx")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
    }

    [Fact]
    public async Task Shards_partition_the_inputs()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 10);
        var converted = new List<HashSet<string>>();
        for (var k = 1; k <= 3; k++)
        {
            var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive,
                TestArchive.Options(temp.File("shard" + k)) with { Shard = new ShardSpec(k, 3) }, null, None);
            report.Totals.Found.ShouldBe(31);
            converted.Add(report.Inputs.Where(i => i.Status == BatchStatus.Converted).Select(i => i.Path).ToHashSet());
            converted[^1].Count.ShouldBeGreaterThan(0);
        }
        converted.SelectMany(c => c).Count().ShouldBe(30);
        converted.SelectMany(c => c).Distinct().Count().ShouldBe(30);
    }

    [Fact]
    public async Task Incremental_rerun_converts_nothing_force_converts_everything_and_changes_are_picked_up()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        var md = new FakeWriter("md", ".md");
        var runner = new BatchRunner(TestArchive.Converter(md));

        var first = await runner.RunAsync(archive, TestArchive.Options(output, "md", "xlsx"), null, None);
        first.Totals.Converted.ShouldBe(9);
        md.Writes.ShouldBe(9);
        var before = TestArchive.Snapshot(output);

        var second = await runner.RunAsync(archive, TestArchive.Options(output, "md", "xlsx"), null, None);
        second.Totals.Converted.ShouldBe(0, second.Summary());
        second.Totals.Unchanged.ShouldBe(9);
        second.Inputs.Where(i => i.Status == BatchStatus.Unchanged).ShouldAllBe(i => i.Reason == "unchanged since the last run");
        md.Writes.ShouldBe(9);
        TestArchive.Snapshot(output).ShouldBe(before);

        TestArchive.Write(archive, "articles/dw/1101.md", TestArchive.Article("Changed", "https://dw.example/a/1101", "New body."));
        File.Delete(Path.Combine(output, "articles/voa/1002.md"));
        var third = await runner.RunAsync(archive, TestArchive.Options(output, "md", "xlsx"), null, None);
        third.Inputs.Where(i => i.Status == BatchStatus.Converted).Select(i => i.Path).ShouldBe(["articles/dw/1101.md", "articles/voa/1002.md"]);
        File.ReadAllText(Path.Combine(output, "catalog.xlsx")).ShouldContain("Changed");
        File.ReadAllText(Path.Combine(output, "catalog.xlsx")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(9);

        var forced = await runner.RunAsync(archive, TestArchive.Options(output, "md", "xlsx") with { Force = true }, null, None);
        forced.Totals.Converted.ShouldBe(9);

        // Other formats are other options: everything is redone, and the docx files appear.
        var moreFormats = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output, "md", "docx"), null, None);
        moreFormats.Totals.Converted.ShouldBe(9);
        File.Exists(Path.Combine(output, "articles/voa/1000.docx")).ShouldBeTrue();
    }

    [Fact]
    public async Task Cancellation_still_writes_the_report_with_totals_that_add_up_and_no_partial_files()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path, perSite: 10);
        var output = temp.File("out");
        using var cancel = new CancellationTokenSource();
        var md = new FakeWriter("md", ".md")
        {
            OnWrite = (_, count) =>
            {
                if (count == 5)
                {
                    cancel.Cancel();
                    throw new OperationCanceledException(cancel.Token);
                }
            },
        };
        var report = await new BatchRunner(TestArchive.Converter(md)).RunAsync(archive,
            TestArchive.Options(output, "md", "xlsx") with { Jobs = 1 }, null, cancel.Token);

        report.Cancelled.ShouldBeTrue();
        report.ExitCode.ShouldBe(130);
        report.Totals.Found.ShouldBe(31);
        report.Totals.Converted.ShouldBe(4);
        report.Totals.Cancelled.ShouldBe(27);
        report.CatalogPath.ShouldBeNull();
        File.Exists(Path.Combine(output, BatchReport.FileName)).ShouldBeTrue();
        Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        Directory.EnumerateFiles(output, "*.md", SearchOption.AllDirectories).Count().ShouldBe(4);

        // The re-run finishes the job and converts only what is missing.
        var rerun = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output, "md", "xlsx"), null, None);
        rerun.Totals.Unchanged.ShouldBe(4);
        rerun.Totals.Converted.ShouldBe(26);
    }

    [Fact]
    public async Task Stale_temporary_files_are_removed_at_start_and_others_kept()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        Directory.CreateDirectory(Path.Combine(output, "articles/voa"));
        var stale = Path.Combine(output, "articles/voa", $".1000.md.4242.{Guid.NewGuid():N}.tmp");
        var mine = Path.Combine(output, "notes.tmp");
        File.WriteAllText(stale, "half");
        File.WriteAllText(mine, "keep");
        await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output), null, None);
        File.Exists(stale).ShouldBeFalse();
        File.Exists(mine).ShouldBeTrue();
    }

    [Fact]
    public async Task Duplicates_by_url_and_content_are_reported_and_kept()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        TestArchive.Write(archive, "articles/voa/2000.md", TestArchive.Article("Again", "https://voa.example/a/1000", "Different body."));
        TestArchive.Write(archive, "articles/rfi/3000.md", TestArchive.Article("Copy", "https://rfi.example/a/3000", "Body of dw article 1101."));
        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out")), null, None);
        report.Totals.Converted.ShouldBe(11);
        report.Duplicates.ShouldContain(d => d.Kind == "url" && d.Paths.SequenceEqual(new[] { "articles/voa/1000.md", "articles/voa/2000.md" }));
        report.Duplicates.ShouldContain(d => d.Kind == "content" && d.Paths.SequenceEqual(new[] { "articles/dw/1101.md", "articles/rfi/3000.md" }));
        report.Inputs.Single(i => i.Path == "articles/rfi/3000.md").DuplicateOf.ShouldBe("articles/dw/1101.md");
        report.Inputs.Single(i => i.Path == "articles/voa/2000.md").DuplicateOf.ShouldBe("articles/voa/1000.md");
    }

    [Fact]
    public async Task Index_pages_are_not_converted_but_cross_check_titles_and_dates()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out")), null, None);
        var list = report.Inputs.Single(i => i.Path == "lists/Sample.md");
        list.Status.ShouldBe(BatchStatus.Skipped);
        list.Reason!.ShouldContain("3 entries");
        report.Inputs.Single(i => i.Path == "articles/voa/1000.md").Warnings.ShouldBeNull();
        var warnings = report.Inputs.Single(i => i.Path == "articles/voa/1001.md").Warnings!;
        warnings.ShouldContain(w => w.Contains("lists the title 'Another title'") && w.Contains("'Title voa 1001'"));
        warnings.ShouldContain(w => w.Contains("lists the date 3-1") && w.Contains("2024-03-11"));
    }

    [Fact]
    public async Task An_article_whose_file_name_has_a_slug_after_its_id_is_cross_checked_by_the_id()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        TestArchive.Write(archive, "articles/voa/2002_Some%20slug.md", TestArchive.Article("Slugged title", "https://voa.example/a/2002", "Slugged body."));
        TestArchive.Write(archive, "lists/More.md", "More\n------\n\n3-1 [Listed otherwise](/articles/voa/2002.md)\n");

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out")), null, None);

        report.Inputs.Single(i => i.Path == "articles/voa/2002_Some%20slug.md").Warnings!
            .ShouldContain(w => w.Contains("lists the title 'Listed otherwise'") && w.Contains("'Slugged title'"));
    }

    [Fact]
    public async Task Sub_folders_and_globs_mirror_the_archive_layout()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());

        var sub = await runner.RunAsync(Path.Combine(archive, "articles", "dw"), TestArchive.Options(temp.File("sub"), "md"), null, None);
        sub.Inputs.Select(i => i.Path).ShouldBe(["articles/dw/1100.md", "articles/dw/1101.md", "articles/dw/1102.md"]);
        File.Exists(temp.File("sub/articles/dw/1100.md")).ShouldBeTrue();

        var glob = await runner.RunAsync(Path.Combine(archive, "articles", "*", "*1.md"), TestArchive.Options(temp.File("glob"), "md"), null, None);
        glob.Inputs.Select(i => i.Path).ShouldBe(["articles/bbc/1201.md", "articles/dw/1101.md", "articles/voa/1001.md"]);

        var single = await runner.RunAsync(Path.Combine(archive, "articles", "voa", "1002.md"), TestArchive.Options(temp.File("one"), "md"), null, None);
        single.Inputs.Select(i => i.Path).ShouldBe(["articles/voa/1002.md"]);
    }

    [Fact]
    public async Task At_an_archive_root_only_articles_and_lists_are_inputs()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        File.WriteAllText(Path.Combine(archive, "README.md"), "# An archive\n");
        Directory.CreateDirectory(Path.Combine(archive, "notes"));
        File.WriteAllText(Path.Combine(archive, "notes", "todo.md"), "- nothing\n");
        var runner = new BatchRunner(TestArchive.Converter());

        var report = await runner.RunAsync(archive, TestArchive.Options(temp.File("out"), "md"), null, None);

        report.Inputs.ShouldAllBe(i => i.Path.StartsWith("articles/") || i.Path.StartsWith("lists/"));
        report.Totals.Failed.ShouldBe(0);
    }

    [Fact]
    public async Task Output_folder_inside_the_input_is_not_read_back()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());
        await runner.RunAsync(archive, TestArchive.Options(Path.Combine(archive, "converted"), "md"), null, None);
        var again = await runner.RunAsync(archive, TestArchive.Options(Path.Combine(archive, "converted"), "md"), null, None);
        again.Totals.Found.ShouldBe(10);
        again.Totals.Unchanged.ShouldBe(9);
    }

    [Fact]
    public async Task Usage_errors_are_reported_as_such()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());
        await Should.ThrowAsync<BatchUsageException>(() => runner.RunAsync(archive, TestArchive.Options(temp.File("o"), "pdf"), null, None));
        await Should.ThrowAsync<BatchUsageException>(() => runner.RunAsync(archive,
            TestArchive.Options(temp.File("o")) with { Since = new DateOnly(2024, 2, 1), Until = new DateOnly(2024, 1, 1) }, null, None));
        await Should.ThrowAsync<BatchUsageException>(() => runner.RunAsync(Path.Combine(archive, "articles", "voa"), TestArchive.Options(archive), null, None));
        await Should.ThrowAsync<BatchUsageException>(() => runner.RunAsync(archive, TestArchive.Options(archive), null, None));
        File.Exists(Path.Combine(archive, BatchReport.FileName)).ShouldBeFalse();
        File.WriteAllText(temp.File("x.rar"), "x");
        (await Should.ThrowAsync<ArticleFormatException>(() => runner.RunAsync(temp.File("x.rar"), TestArchive.Options(temp.File("o")), null, None)))
            .Message.ShouldContain("not an archive");
    }

    [Fact]
    public async Task Progress_counts_every_input()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var snapshots = new List<BatchProgress>();
        var progress = new SynchronousProgress(p => { lock (snapshots) snapshots.Add(p); });
        await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out")), progress, None);
        snapshots.ShouldAllBe(p => p.Total == 10);
        snapshots.Max(p => p.Done).ShouldBe(10);
        snapshots[^1].Converted.ShouldBe(9);
        snapshots[^1].Skipped.ShouldBe(1);
    }

    private sealed class SynchronousProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
