using System.Text.Json;
using Convertify.Batch.State;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;
using Microsoft.Data.Sqlite;

namespace Convertify.Batch.Tests;

/// <summary>The state database of an output folder: the manifest migrated from earlier versions, and one run at a time.</summary>
public sealed class StateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string Hex(char c) => new(c, 64);

    private static string Line(string input, char sha, params string[] outputs) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["input"] = input, ["sha256"] = Hex(sha), ["tool"] = "1.0", ["options"] = "opts", ["outputs"] = outputs });

    /// <summary>The manifest table as "path|sha|tool|options|outputs", in path order.</summary>
    private static List<string> Manifest(string outputDirectory)
    {
        using var connection = StateDatabase.Open(StateDatabase.PathIn(outputDirectory));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT path, sha256, tool, options, outputs FROM manifest ORDER BY path";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)}|{Convert.ToHexStringLower((byte[])reader.GetValue(1))}|{reader.GetString(2)}|{reader.GetString(3)}|{reader.GetString(4)}");
        }
        return rows;
    }

    private static void Migrate(string folder)
    {
        using var database = StateDatabase.OpenForRun(folder);
        LegacyManifest.Migrate(database, folder);
    }

    [Fact]
    public void A_version_1_manifest_is_migrated_with_a_killed_runs_journal_and_removed()
    {
        using var folder = new TemporaryFolder();
        var legacy = new Dictionary<string, object>
        {
            ["version"] = 1,
            ["inputs"] = new Dictionary<string, object>
            {
                ["articles/b.md"] = new Dictionary<string, object> { ["sha256"] = Hex('b'), ["tool"] = "1.0", ["options"] = "opts", ["outputs"] = new[] { "b.docx" } },
                ["articles/damaged.md"] = new Dictionary<string, object> { ["sha256"] = "x" },
                ["articles/c.md"] = new Dictionary<string, object> { ["sha256"] = Hex('c'), ["tool"] = "1.0", ["options"] = "opts", ["outputs"] = new[] { "c.docx" } },
            },
        };
        File.WriteAllText(folder.File(LegacyManifest.ObjectFileName), JsonSerializer.Serialize(legacy));
        File.WriteAllText(folder.File(LegacyManifest.JournalFileName),
            "{\"input\":\"articles/c.md\",\"removed\":true}\n" + Line("articles/d.md", 'd', "d.docx") + "\n" + "{\"input\":\"articles/e.md\",\"sha2");

        Migrate(folder.Path);

        Manifest(folder.Path).ShouldBe([$"articles/b.md|{Hex('b')}|1.0|opts|[\"b.docx\"]", $"articles/d.md|{Hex('d')}|1.0|opts|[\"d.docx\"]"]);
        File.Exists(folder.File(LegacyManifest.ObjectFileName)).ShouldBeFalse();
        File.Exists(folder.File(LegacyManifest.JournalFileName)).ShouldBeFalse();
    }

    [Fact]
    public void A_json_lines_manifest_is_migrated_once_damaged_lines_skipped_and_its_version_1_file_ignored()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllLines(folder.File(LegacyManifest.LinesFileName),
            ["{\"version\":2}", Line("articles/\u4e2d \"q\".md", 'a', "x.md", "x.docx"), "{\"input\":\"articles/z.md\",\"tool\":1}", "not json", Line("articles/b.md", 'b', "b.md")]);
        File.WriteAllText(folder.File(LegacyManifest.ObjectFileName), "{\"version\":1,\"inputs\":{\"articles/old.md\":{}}}");
        File.WriteAllText(folder.File(LegacyManifest.JournalFileName), Line("articles/b.md", 'c', "b.md") + "\n");

        Migrate(folder.Path);

        Manifest(folder.Path).ShouldBe([$"articles/b.md|{Hex('c')}|1.0|opts|[\"b.md\"]", $"articles/\u4e2d \"q\".md|{Hex('a')}|1.0|opts|[\"x.md\",\"x.docx\"]"]);
        Directory.EnumerateFiles(folder.Path).Select(Path.GetFileName).ShouldBeEmpty();
        Migrate(folder.Path);
        Manifest(folder.Path).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_folder_written_by_the_previous_version_is_migrated_and_its_rerun_reports_unchanged()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        var runner = new BatchRunner(TestArchive.Converter());
        var first = await runner.RunAsync(archive, TestArchive.Options(output, "md", "docx"), null, None);
        first.Totals.Converted.ShouldBeGreaterThan(0);
        // What the previous version left instead of the state folder: the same entries as a JSON Lines manifest.
        var lines = new List<string> { "{\"version\":2}" };
        using (var connection = StateDatabase.Open(StateDatabase.PathIn(output)))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT path, sha256, tool, options, outputs FROM manifest ORDER BY path";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add($"{{\"input\":{JsonSerializer.Serialize(reader.GetString(0))},\"sha256\":\"{Convert.ToHexStringLower((byte[])reader.GetValue(1))}\"," +
                          $"\"tool\":{JsonSerializer.Serialize(reader.GetString(2))},\"options\":\"{reader.GetString(3)}\",\"outputs\":{reader.GetString(4)}}}");
            }
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.Combine(output, StateDatabase.FolderName), recursive: true);
        File.WriteAllLines(Path.Combine(output, LegacyManifest.LinesFileName), lines);

        var rerun = await runner.RunAsync(archive, TestArchive.Options(output, "md", "docx"), null, None);

        rerun.Totals.Unchanged.ShouldBe(first.Totals.Converted);
        rerun.Totals.Converted.ShouldBe(0);
        File.Exists(Path.Combine(output, LegacyManifest.LinesFileName)).ShouldBeFalse();
        File.Exists(StateDatabase.PathIn(output)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_second_run_on_the_same_output_is_refused_while_the_first_holds_it()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        Directory.CreateDirectory(output);

        using (RunLock.Acquire(output))
        {
            var refused = await Should.ThrowAsync<BatchBusyException>(() =>
                new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output), null, None));
            refused.Message.ShouldBe($"another convertify batch is writing {output} (pid {Environment.ProcessId})");
            Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ShouldBe(["lock"]);
        }

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(output), null, None);
        report.Totals.Converted.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Completing_the_writer_commits_its_last_rows_without_waiting_out_the_commit_interval()
    {
        using var temp = new TemporaryFolder();
        using var database = StateDatabase.OpenForRun(temp.Path);
        // A writer that would never commit on its own: only the run's end can make it write the rows.
        var writer = new ResultWriter(database, Timeout.InfiniteTimeSpan);
        await using (writer)
        {
            await writer.AddAsync(new InputRow(0, new BatchInputResult("articles/voa/1.md", BatchStatus.Converted)));
            await writer.AddAsync(new InputRow(1, new BatchInputResult("articles/voa/2.md", BatchStatus.Failed, "broken")));

            await writer.CompleteAsync().WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        }

        using var command = database.CreateCommand();
        command.CommandText = "SELECT group_concat(path, ',') FROM (SELECT path FROM inputs ORDER BY seq)";
        command.ExecuteScalar().ShouldBe("articles/voa/1.md,articles/voa/2.md");
    }

    [Fact]
    public void An_entry_is_unchanged_only_for_the_same_bytes_tool_options_and_outputs_all_present()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a.md"), "x");
        var current = new ManifestEntry([1, 2], "1.0", "opts", ["a.md"]);

        current.IsUnchangedSince(current with { Sha256 = [1, 2] }, folder.Path).ShouldBeTrue();
        current.IsUnchangedSince(null, folder.Path).ShouldBeFalse();
        current.IsUnchangedSince(current with { Sha256 = [1, 3] }, folder.Path).ShouldBeFalse();
        current.IsUnchangedSince(current with { Tool = "1.1" }, folder.Path).ShouldBeFalse();
        current.IsUnchangedSince(current with { Options = "other" }, folder.Path).ShouldBeFalse();
        (current with { Outputs = ["a.md", "b.md"] }).IsUnchangedSince(current with { Outputs = ["a.md", "b.md"] }, folder.Path).ShouldBeFalse();
    }
}
