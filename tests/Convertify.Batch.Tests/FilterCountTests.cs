using System.Text.Json;
using Convertify.Batch.Tests.Fakes;
using Convertify.Errors;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>Which filter left out how many articles, the line when they left out all, and a missing input's error.</summary>
public sealed class FilterCountTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Filters_that_match_no_article_say_which_removed_how_many()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());
        // dw is left out by --site first; voa (zh) and bbc (en) then by --lang.
        var options = TestArchive.Options(temp.File("out")) with { Sites = ["voa", "bbc"], Languages = ["fr"] };

        var report = await runner.RunAsync(archive, options, null, None);

        report.Totals.Converted.ShouldBe(0);
        report.FilteredOut.ShouldBe([new BatchFilterCount("--site voa,bbc", 3), new BatchFilterCount("--lang fr", 6)]);
        report.NoArticleMatched.ShouldBeTrue();
        report.ExitCode.ShouldBe(0);
        report.Summary().Split('\n')[1].ShouldBe("no article matched the filters: --site voa,bbc removed 3, --lang fr removed 6");
        using (var json = JsonDocument.Parse(File.ReadAllBytes(temp.File("out/" + BatchReport.FileName))))
        {
            var root = json.RootElement;
            root.GetProperty("noArticleMatched").GetBoolean().ShouldBeTrue();
            root.GetProperty("filteredOut").EnumerateArray().Select(f => $"{f.GetProperty("filter").GetString()}={f.GetProperty("removed").GetInt32()}")
                .ShouldBe(["--site voa,bbc=3", "--lang fr=6"]);
            root.GetProperty("exitCode").GetInt32().ShouldBe(0);
        }

        var strict = await runner.RunAsync(archive, options with { OutputDirectory = temp.File("strict"), FailOnEmpty = true }, null, None);
        strict.ExitCode.ShouldBe(1);
        using var strictJson = JsonDocument.Parse(File.ReadAllBytes(temp.File("strict/" + BatchReport.FileName)));
        strictJson.RootElement.GetProperty("exitCode").GetInt32().ShouldBe(1);
        strictJson.RootElement.GetProperty("options").GetProperty("failOnEmpty").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Dates_are_counted_and_named_as_given()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var options = TestArchive.Options(temp.File("out")) with { Since = new DateOnly(2024, 3, 11), Until = new DateOnly(2024, 3, 12) };

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, options, null, None);

        // Articles are dated 2024-03-01, -11 and -21 per site.
        report.Totals.Converted.ShouldBe(3);
        report.FilteredOut.ShouldBe([new BatchFilterCount("--since 2024-03-11", 3), new BatchFilterCount("--until 2024-03-12", 3)]);
        report.NoArticleMatched.ShouldBeFalse();
        report.Summary().ShouldNotContain("no article matched");
    }

    [Fact]
    public async Task Articles_kept_by_the_filters_count_also_when_unchanged()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());
        var options = TestArchive.Options(temp.File("out")) with { Languages = ["en"], FailOnEmpty = true };
        await runner.RunAsync(archive, options, null, None);

        var again = await runner.RunAsync(archive, options, null, None);

        again.Totals.Unchanged.ShouldBe(3);
        again.FilteredOut.ShouldBe([new BatchFilterCount("--lang en", 6)]);
        again.NoArticleMatched.ShouldBeFalse();
        again.ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Without_filters_nothing_is_counted_and_fail_on_empty_fails_an_empty_input()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var runner = new BatchRunner(TestArchive.Converter());
        var all = await runner.RunAsync(archive, TestArchive.Options(temp.File("out")) with { FailOnEmpty = true }, null, None);
        all.FilteredOut.ShouldBeEmpty();
        all.ExitCode.ShouldBe(0);

        Directory.CreateDirectory(temp.File("empty"));
        var empty = await runner.RunAsync(temp.File("empty"), TestArchive.Options(temp.File("out2")) with { FailOnEmpty = true }, null, None);
        empty.NoArticleMatched.ShouldBeFalse();
        empty.ExitCode.ShouldBe(1);
    }

    [Theory]
    [InlineData("missing", "file or folder not found")]
    [InlineData("missing/*.md", "folder 'missing' not found")]
    public async Task A_missing_input_cannot_be_converted_rather_than_a_usage_error(string name, string detail)
    {
        using var temp = new TemporaryFolder();
        var input = Path.Combine(temp.Path, name);

        var e = await Should.ThrowAsync<ArticleFormatException>(() => new BatchRunner(TestArchive.Converter()).RunAsync(input, TestArchive.Options(temp.File("o")), null, None));

        e.Problem.ShouldBe(FormatProblem.NotFound);
        e.Message.ShouldBe($"{input}: {detail.Replace("'missing'", $"'{temp.File("missing")}'", StringComparison.Ordinal)}");
        Directory.Exists(temp.File("o")).ShouldBeFalse();
    }
}
