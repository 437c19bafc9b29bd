using System.Text.Json;
using Convertify.Testing;

namespace Convertify.Cli.Tests;

/// <summary>The tool's own feed reader (format <c>rss</c>) through the commands, on the fixture feeds, as users run it.</summary>
public sealed class FeedCommandTests
{
    private static string Feed(string name) => CliRunner.Fixture(Path.Combine("feeds", name));

    [Fact]
    public void Convert_writes_each_item_of_a_feed_into_the_folder()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var output = folder.File("out") + "/";

        var result = CliRunner.Run("convert", Feed("rss2.xml"), "--to", "md", "-o", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        var files = Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBeGreaterThan(1);
        files.ShouldAllBe(f => f!.EndsWith(".md", StringComparison.Ordinal));
        var dated = files.Select(f => File.ReadAllText(Path.Combine(output, f!))).Where(t => t.Contains("date_source: \"feed_item\"", StringComparison.Ordinal)).ToList();
        dated.ShouldNotBeEmpty();
    }

    [Fact]
    public void Convert_of_a_feed_without_a_folder_is_refused_and_writes_nothing()
    {
        using var folder = TestPaths.NewTemporaryFolder();

        var result = CliRunner.Run("convert", Feed("rss2.xml"), "--to", "md", "-o", folder.File("one.md"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardError.ShouldContain("-o DIR/");
        Directory.GetFileSystemEntries(folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_malformed_feed_keeps_the_items_before_the_fault_and_fails_in_one_line()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var output = folder.File("out") + "/";

        var result = CliRunner.Run("convert", Feed("malformed.xml"), "--to", "md", "-o", output);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.Trim().Split('\n').Length.ShouldBe(1, result.StandardError);
        result.StandardError.ShouldContain("malformed.xml");
        result.StandardError.ShouldContain("line 21");
        Directory.GetFiles(output).Length.ShouldBe(2);
    }

    [Fact]
    public void A_feed_with_a_dtd_is_refused_in_one_line()
    {
        var result = CliRunner.Run("inspect", Feed("dtd.xml"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldContain("dtd.xml");
        result.StandardError.ShouldContain("DTD");
        result.StandardError.ShouldNotContain("   at ");
    }

    [Fact]
    public void Inspect_prints_every_item_of_a_feed_as_a_json_array()
    {
        var result = CliRunner.Run("inspect", Feed("atom.xml"));

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        json.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
        json.RootElement.GetArrayLength().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void From_rss_on_an_archive_article_names_the_file_and_the_problem()
    {
        var article = CliRunner.FixtureArticles()[0];

        var result = CliRunner.Run("convert", article, "--to", "md", "--from", "rss");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardError.ShouldContain(Path.GetFileName(article));
        result.StandardError.ShouldContain("not an RSS, Atom or RDF feed");
    }

    [Fact]
    public void Batch_of_feeds_gives_a_row_and_outputs_per_item_and_fails_only_the_broken_feeds()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var output = folder.File("out");

        var result = CliRunner.Run("batch", Path.Combine(TestPaths.Fixtures, "feeds"), "--to", "md,xlsx", "-o", output, "--quiet");

        result.ExitCode.ShouldBe(1, result.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "convertify-report.json")));
        var rows = report.RootElement.GetProperty("inputs").EnumerateArray()
            .Select(r => (Path: r.GetProperty("path").GetString()!, Status: r.GetProperty("status").GetString()!)).ToList();
        rows.Where(r => r.Status == "failed").Select(r => r.Path).Order(StringComparer.Ordinal).ShouldBe(["dtd.xml", "malformed.xml"]);
        rows.Count(r => r.Path.StartsWith("malformed.xml#", StringComparison.Ordinal) && r.Status == "converted").ShouldBe(2);
        // A feed of one item is still a feed: its article is named by its slug inside the feed's folder.
        rows.ShouldContain(r => r.Path.StartsWith("voa.xml#", StringComparison.Ordinal) && r.Status == "converted");
        var converted = rows.Where(r => r.Status == "converted").ToList();
        foreach (var row in converted)
        {
            var (feed, slug) = (row.Path[..row.Path.IndexOf('#', StringComparison.Ordinal)], row.Path[(row.Path.IndexOf('#', StringComparison.Ordinal) + 1)..]);
            File.Exists(Path.Combine(output, Path.GetFileNameWithoutExtension(feed), slug + ".md")).ShouldBeTrue(row.Path);
        }

        var again = CliRunner.Run("batch", Path.Combine(TestPaths.Fixtures, "feeds"), "--to", "md,xlsx", "-o", output, "--quiet");
        again.ExitCode.ShouldBe(1, again.ToString());
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "convertify-report.json")));
        second.RootElement.GetProperty("totals").GetProperty("unchanged").GetInt32().ShouldBe(converted.Count - 2);
    }

    [Fact]
    public void Dossier_of_a_feed_holds_every_item()
    {
        using var folder = TestPaths.NewTemporaryFolder();
        var inspect = CliRunner.Run("inspect", Feed("rss2.xml"));
        using var items = JsonDocument.Parse(inspect.StandardOutput);

        var result = CliRunner.Run("dossier", Feed("rss2.xml"), "-o", folder.File("feed.md"), "--title", "Feed");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StandardOutput.ShouldContain($"{items.RootElement.GetArrayLength()} article(s)");
    }

    [Fact]
    public void Formats_lists_the_feed_reader_with_what_it_sniffs_and_its_files()
    {
        var result = CliRunner.Run("formats");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.StandardOutput.Split('\n');
        var rss = Array.FindIndex(lines, l => l.StartsWith("  rss ", StringComparison.Ordinal));
        rss.ShouldBeGreaterThanOrEqualTo(0, result.StandardOutput);
        var entry = string.Join(" ", lines.Skip(rss + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()));
        entry.ShouldContain("sniffs: root element <rss>");
        entry.ShouldContain(".xml .rss .atom");
    }
}
