using System.Text.Json;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary><see cref="BatchOptions.Selection"/>: only the chosen ids are written, the rest counted as filtered, the ids no input had said once.</summary>
public sealed class SelectionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Only_the_selected_articles_are_written_and_ids_not_in_the_input_are_one_warning_line()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var selection = new ArticleSelection("marked.xlsx", ["dw/1101", "gone/1", "voa/1000", "gone/2", "dw/1101"]);
        var options = TestArchive.Options(temp.File("out"), "fake") with { Selection = selection };

        var report = await new BatchRunner(TestArchive.Converter(new FakeWriter("fake", ".fake"))).RunAsync(archive, options, null, None);

        report.Totals.Converted.ShouldBe(2);
        TestArchive.Snapshot(temp.File("out")).Keys.ShouldBe(["articles/dw/1101.fake", "articles/voa/1000.fake"]);
        report.FilteredOut.ShouldBe([new BatchFilterCount("--select marked.xlsx", 7)]);
        report.Inputs.Single(i => i.Path == "articles/bbc/1200.md").Reason.ShouldBe("filter: 'bbc/1200' not marked in --select marked.xlsx");
        report.SelectedNotFound.ShouldBe(["gone/1", "gone/2"]);
        report.ExitCode.ShouldBe(0);
        report.Summary().Split('\n').Where(l => l.StartsWith("warning:", StringComparison.Ordinal))
            .ShouldBe(["warning: 2 id(s) marked in marked.xlsx not in the input: gone/1, gone/2"]);
        using var json = JsonDocument.Parse(File.ReadAllBytes(temp.File("out/" + BatchReport.FileName)));
        json.RootElement.GetProperty("options").GetProperty("select").GetString().ShouldBe("marked.xlsx");
        json.RootElement.GetProperty("selectedNotFound").EnumerateArray().Select(e => e.GetString()).ShouldBe(["gone/1", "gone/2"]);
    }

    [Fact]
    public async Task An_id_left_out_by_another_filter_was_found_and_the_warning_lists_the_first_five()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        string[] missing = ["x/1", "x/2", "x/3", "x/4", "x/5", "x/6"];
        var options = TestArchive.Options(temp.File("out")) with { Sites = ["voa"], Selection = new ArticleSelection("c.xlsx", ["bbc/1200", .. missing]) };

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, options, null, None);

        report.FilteredOut.ShouldBe([new BatchFilterCount("--site voa", 6), new BatchFilterCount("--select c.xlsx", 3)]);
        report.NoArticleMatched.ShouldBeTrue();
        report.SelectedNotFound.ShouldBe(missing);
        var lines = report.Summary().Split('\n');
        lines.ShouldContain("no article matched the filters: --site voa removed 6, --select c.xlsx removed 3");
        lines.ShouldContain("warning: 6 id(s) marked in c.xlsx not in the input: x/1, x/2, x/3, x/4, x/5, …");
    }

    [Fact]
    public async Task A_shard_does_not_warn_about_ids_other_shards_hold()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var options = TestArchive.Options(temp.File("out")) with
        {
            Shard = ShardSpec.Parse("1/2"),
            Selection = new ArticleSelection("c.xlsx", ["voa/1000", "voa/1001", "voa/1002", "dw/1100", "dw/1101", "dw/1102"]),
        };

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, options, null, None);

        report.SelectedNotFound.ShouldBeEmpty();
        report.Summary().ShouldNotContain("warning:");
    }
}
