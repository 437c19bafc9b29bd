using System.Text;
using System.Text.Json;
using Convertify.Batch.Incremental;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>The manifest as a sorted JSON Lines file, streamed in path order and merged with each run's journal.</summary>
public sealed class ManifestTests
{
    private static ManifestEntry Entry(string path, int version) =>
        new(Sha256Digest.Of(Encoding.UTF8.GetBytes(path + "#" + version)), "1.0", "opts", [path + ".docx", path + ".xlsx"]);

    private static string? Describe(ManifestEntry? entry) =>
        entry is null ? null : $"{entry.Sha256}|{entry.Tool}|{entry.Options}|{string.Join(",", entry.Outputs)}";

    /// <summary>Paths in ordinal order, with names whose UTF-8 order is not their UTF-16 order (U+FF21 sorts after a surrogate pair in UTF-16).</summary>
    private static List<string> Paths(int count)
    {
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            paths.Add((i % 5) switch
            {
                0 => $"articles/voa/{i}.md",
                1 => $"articles/rfa/\uFF21{i}.md",
                2 => $"articles/rfa/\U0001F600{i}.md",
                3 => $"articles/bbc/中文 \"quoted\" \\ {i}.md",
                _ => $"articles/voa/{i}/nested.md",
            });
        }
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    private static BatchManifest Write(string folder, IEnumerable<(string Path, ManifestEntry Entry)> entries)
    {
        var manifest = BatchManifest.Load(folder, inPathOrder: true);
        foreach (var (path, entry) in entries)
        {
            manifest.Set(path, entry);
        }
        manifest.Save();
        return manifest;
    }

    /// <summary>The manifest file's entries in file order, checking the header and that every line is well formed.</summary>
    private static List<(string Input, string? Entry)> ReadFile(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, BatchManifest.FileName));
        lines[0].ShouldBe("{\"version\":2}");
        var entries = new List<(string, string?)>();
        foreach (var line in lines.Skip(1))
        {
            ManifestLine.TryRead(Encoding.UTF8.GetBytes(line), out var input, out var entry).ShouldBeTrue(line);
            entry.ShouldNotBeNull();
            entries.Add((input, Describe(entry)));
        }
        return entries;
    }

    [Fact]
    public void A_saved_manifest_gives_every_entry_back_in_path_order()
    {
        using var folder = new TemporaryFolder();
        var paths = Paths(3000);
        // Set in an order other than the file's: Save sorts.
        Write(folder.Path, paths.AsEnumerable().Reverse().Select(p => (p, Entry(p, 1))));
        File.Exists(Path.Combine(folder.Path, BatchManifest.JournalFileName)).ShouldBeFalse();
        ReadFile(folder.Path).Select(e => e.Input).ShouldBe(paths);

        var reloaded = BatchManifest.Load(folder.Path, inPathOrder: true);
        foreach (var path in paths)
        {
            Describe(reloaded.Previous(path)).ShouldBe(Describe(Entry(path, 1)), path);
            // Inputs the manifest does not know, between known ones, do not disturb the join.
            reloaded.Previous(path + "!").ShouldBeNull();
        }
        reloaded.Previous("zzz").ShouldBeNull();

        var inMemory = BatchManifest.Load(folder.Path, inPathOrder: false);
        foreach (var path in paths.AsEnumerable().Reverse())
        {
            Describe(inMemory.Previous(path)).ShouldBe(Describe(Entry(path, 1)));
        }
    }

    [Fact]
    public void Entries_share_their_tool_and_options_strings()
    {
        using var folder = new TemporaryFolder();
        Write(folder.Path, [("a", Entry("a", 1)), ("b", Entry("b", 1))]);
        var manifest = BatchManifest.Load(folder.Path, inPathOrder: false);
        ReferenceEquals(manifest.Previous("a")!.Options, manifest.Previous("b")!.Options).ShouldBeTrue();
        ReferenceEquals(manifest.Previous("a")!.Tool, manifest.Previous("b")!.Tool).ShouldBeTrue();
    }

    [Fact]
    public void A_lookup_out_of_path_order_finds_nothing_and_the_join_goes_on()
    {
        using var folder = new TemporaryFolder();
        Write(folder.Path, new[] { "a", "b", "c", "d" }.Select(p => (p, Entry(p, 1))));
        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true);
        manifest.Previous("b").ShouldNotBeNull();
        manifest.Previous("a").ShouldBeNull();
        manifest.Previous("b").ShouldBeNull();
        Describe(manifest.Previous("d")).ShouldBe(Describe(Entry("d", 1)));
        manifest.Previous("c").ShouldBeNull();
    }

    [Theory]
    [InlineData(BatchManifest.DefaultSortMemoryLimit)]
    [InlineData(1024)]
    public void Save_merges_the_previous_entries_with_the_runs_changes(int sortMemoryLimit)
    {
        using var folder = new TemporaryFolder();
        var paths = Paths(2000);
        var expected = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        // Every other path is in the first manifest.
        var first = paths.Where((_, i) => i % 2 == 0).ToList();
        Write(folder.Path, first.Select(p => (p, Entry(p, 1))));
        foreach (var path in first)
        {
            expected[path] = Describe(Entry(path, 1));
        }

        var random = new Random(3);
        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true, sortMemoryLimit);
        foreach (var path in paths)
        {
            var previous = manifest.Previous(path);
            Describe(previous).ShouldBe(expected.GetValueOrDefault(path));
            switch (random.Next(5))
            {
                case 0:
                    // Untouched: kept as it was, or still absent.
                    break;
                case 1 when previous is not null:
                    manifest.Remove(path);
                    expected.Remove(path);
                    break;
                case 2 when previous is not null:
                    // Reconverted: removed, then set again (twice: the last line wins).
                    manifest.Remove(path);
                    manifest.Set(path, Entry(path, 2));
                    manifest.Set(path, Entry(path, 3));
                    expected[path] = Describe(Entry(path, 3));
                    break;
                default:
                    manifest.Set(path, Entry(path, 4));
                    expected[path] = Describe(Entry(path, 4));
                    break;
            }
            if (random.Next(50) == 0)
            {
                manifest.SaveIfDue(TimeSpan.Zero);
            }
        }
        // Lines that were set and later removed in the same run leave no entry.
        manifest.Set("zz/late.md", Entry("zz/late.md", 1));
        manifest.Remove("zz/late.md");
        manifest.Save();

        File.Exists(Path.Combine(folder.Path, BatchManifest.JournalFileName)).ShouldBeFalse();
        ReadFile(folder.Path).ShouldBe(expected.Select(e => (e.Key, e.Value)).ToList());
        Directory.EnumerateFiles(folder.Path, "*", new EnumerationOptions { AttributesToSkip = 0 })
            .Select(Path.GetFileName).ShouldBe([BatchManifest.FileName]);
    }

    [Fact]
    public void A_version_1_manifest_is_migrated_with_a_killed_runs_journal()
    {
        using var folder = new TemporaryFolder();
        var legacy = new
        {
            version = 1,
            inputs = new Dictionary<string, object>
            {
                ["articles/b.md"] = new { sha256 = Entry("b", 1).Sha256.ToString(), tool = "1.0", options = "opts", outputs = new[] { "b.docx", "b.xlsx" } },
                ["articles/a.md"] = new { sha256 = Entry("a", 1).Sha256.ToString(), tool = "1.0", options = "opts", outputs = new[] { "a.docx", "a.xlsx" } },
                ["articles/damaged.md"] = new { sha256 = "x" },
                ["articles/c.md"] = new { sha256 = Entry("c", 1).Sha256.ToString(), tool = "1.0", options = "opts", outputs = new[] { "c.docx", "c.xlsx" } },
            },
        };
        File.WriteAllText(folder.File(BatchManifest.LegacyFileName), JsonSerializer.Serialize(legacy));
        File.WriteAllText(folder.File(BatchManifest.JournalFileName),
            "{\"input\":\"articles/c.md\",\"removed\":true}\n" +
            "{\"input\":\"articles/d.md\",\"sha256\":\"" + Entry("d", 1).Sha256 + "\",\"tool\":\"1.0\",\"options\":\"opts\",\"outputs\":[\"d.docx\",\"d.xlsx\"]}\n");

        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true);

        File.Exists(folder.File(BatchManifest.LegacyFileName)).ShouldBeFalse();
        File.Exists(folder.File(BatchManifest.JournalFileName)).ShouldBeFalse();
        ReadFile(folder.Path).Select(e => e.Input).ShouldBe(["articles/a.md", "articles/b.md", "articles/d.md"]);
        Describe(manifest.Previous("articles/a.md")).ShouldBe(Describe(Entry("a", 1)));
        Describe(manifest.Previous("articles/b.md")).ShouldBe(Describe(Entry("b", 1)));
        manifest.Previous("articles/c.md").ShouldBeNull();
        Describe(manifest.Previous("articles/d.md")).ShouldBe(Describe(Entry("d", 1)));
    }

    [Fact]
    public void A_torn_journal_line_does_not_swallow_the_next_runs_first_line()
    {
        using var folder = new TemporaryFolder();
        Write(folder.Path, [("a", Entry("a", 1))]);
        // A journal Load could not merge (as if the folder refused the new manifest), ending in a torn line.
        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true);
        File.WriteAllText(folder.File(BatchManifest.JournalFileName), "{\"input\":\"b\",\"sha2");
        manifest.Set("c", Entry("c", 1));
        manifest.SaveIfDue(TimeSpan.Zero);
        manifest.Save();
        ReadFile(folder.Path).Select(e => e.Input).ShouldBe(["a", "c"]);
    }

    [Fact]
    public void Nothing_is_rewritten_when_nothing_changed()
    {
        using var folder = new TemporaryFolder();
        Write(folder.Path, [("a", Entry("a", 1)), ("b", Entry("b", 1))]);
        var file = folder.File(BatchManifest.FileName);
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, stamp);

        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true);
        manifest.Previous("a").ShouldNotBeNull();
        manifest.Previous("b").ShouldNotBeNull();
        manifest.SaveIfDue(TimeSpan.Zero);
        manifest.Save();

        File.GetLastWriteTimeUtc(file).ShouldBe(stamp);
        File.Exists(folder.File(BatchManifest.JournalFileName)).ShouldBeFalse();

        // A first run with no inputs still leaves an (empty) manifest.
        using var empty = new TemporaryFolder();
        BatchManifest.Load(empty.Path, inPathOrder: true).Save();
        File.ReadAllText(empty.File(BatchManifest.FileName)).ShouldBe("{\"version\":2}\n");
    }

    [Fact]
    public void Damaged_or_unsorted_manifest_lines_are_skipped()
    {
        using var folder = new TemporaryFolder();
        var line = (string p) => "{\"input\":\"" + p + "\",\"sha256\":\"" + Entry(p, 1).Sha256 + "\",\"tool\":\"1.0\",\"options\":\"opts\",\"outputs\":[\"" + p + ".docx\",\"" + p + ".xlsx\"]}";
        File.WriteAllText(folder.File(BatchManifest.FileName),
            "{\"version\":2}\n" + line("a") + "\nnot json\n" + line("c") + "\n" + line("b") + "\n" + line("c") + "\n{\"input\":\"d\"}\n" + line("e") + "\n");
        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true);
        manifest.Previous("a").ShouldNotBeNull();
        manifest.Previous("b").ShouldBeNull();
        Describe(manifest.Previous("c")).ShouldBe(Describe(Entry("c", 1)));
        manifest.Previous("d").ShouldBeNull();
        Describe(manifest.Previous("e")).ShouldBe(Describe(Entry("e", 1)));

        manifest.Set("f", Entry("f", 1));
        manifest.Save();
        ReadFile(folder.Path).Select(e => e.Input).ShouldBe(["a", "c", "e", "f"]);
    }

    [Theory]
    [InlineData("{\"input\":\"articles/voa/1.md\",\"sha256\":\"00\",\"tool\":\"1\",\"options\":\"o\",\"outputs\":[\"a\"]}", "articles/voa/1.md")]
    [InlineData("{\"input\":\"a\\u00e9\\\"\\ud83d\\ude00\",\"tool\":\"t\",\"options\":\"o\",\"outputs\":[],\"extra\":{\"x\":[1]}}", "a\u00e9\"\U0001F600")]
    [InlineData("{\"input\":\"gone.md\",\"removed\":true}", "gone.md")]
    [InlineData("{\"input\":\"a\",\"tool\":null,\"options\":\"o\",\"outputs\":[]}", null)]
    [InlineData("{\"input\":\"a\",\"tool\":1,\"options\":\"o\",\"outputs\":[]}", null)]
    [InlineData("{\"input\":\"a\",\"sha256\":[],\"tool\":\"t\",\"options\":\"o\",\"outputs\":[]}", null)]
    [InlineData("{\"input\":\"a\",\"tool\":\"t\",\"options\":\"o\",\"outputs\":[2]}", null)]
    [InlineData("{\"input\":\"a\",\"tool\":\"t\",\"options\":\"o\",\"outputs\":\"x\"}", null)]
    [InlineData("{\"input\":\"a\",\"tool\":\"t\",\"outputs\":[]}", null)]
    [InlineData("{\"input\":null,\"tool\":\"t\",\"options\":\"o\",\"outputs\":[]}", null)]
    [InlineData("{\"input\":7,\"removed\":true}", null)]
    [InlineData("{\"input\":\"a\",\"tool\":\"t\",\"options\":\"o\",\"outputs\":[]", null)]
    [InlineData("[\"a\"]", null)]
    public void A_line_read_for_its_input_only_is_checked_as_a_full_read_checks_it(string line, string? input)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var full = ManifestLine.TryRead(bytes, out var fullInput, out var entry);
        var buffer = new char[1];
        var lean = ManifestLine.TryRead(bytes, keepEntry: false, ref buffer, out var length, out var noEntry, out var removed);

        full.ShouldBe(input is not null);
        lean.ShouldBe(full);
        noEntry.ShouldBeNull();
        if (full)
        {
            fullInput.ShouldBe(input);
            new string(buffer, 0, length).ShouldBe(input);
            removed.ShouldBe(entry is null);
        }
    }

    [Fact]
    public void The_merge_reads_the_previous_file_and_the_journal_without_their_entries_and_keeps_them_whole()
    {
        using var folder = new TemporaryFolder();
        var paths = Paths(500);
        Write(folder.Path, paths.Select(p => (p, Entry(p, 1))));
        var before = File.ReadAllLines(Path.Combine(folder.Path, BatchManifest.FileName));

        // A second run that changes nothing but one entry: every other line is copied byte for byte.
        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true);
        manifest.Set(paths[7], Entry(paths[7], 2));
        manifest.Save();
        var after = File.ReadAllLines(Path.Combine(folder.Path, BatchManifest.FileName));
        after.Length.ShouldBe(before.Length);
        Enumerable.Range(0, after.Length).Where(i => after[i] != before[i]).ShouldBe([8]);
        ReadFile(folder.Path)[7].Entry.ShouldBe(Describe(Entry(paths[7], 2)));
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("tar.gz")]
    public async Task Zip_and_tar_reruns_are_incremental(string kind)
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        var output = temp.File("out");
        var packed = 0;
        string Pack() => kind == "zip" ? TestArchive.Zip(archive, temp.File($"archive{++packed}.zip")) : TestArchive.TarGz(archive, temp.File($"archive{++packed}.tar.gz"));
        var runner = new BatchRunner(TestArchive.Converter());

        (await runner.RunAsync(Pack(), TestArchive.Options(output, "md"), null, CancellationToken.None)).Totals.Converted.ShouldBe(9);
        var again = await runner.RunAsync(Pack(), TestArchive.Options(output, "md"), null, CancellationToken.None);
        again.Totals.Unchanged.ShouldBe(9, again.Summary());

        TestArchive.Write(archive, "articles/dw/1101.md", TestArchive.Article("Changed", "https://dw.example/a/1101", "New body."));
        var changed = await runner.RunAsync(Pack(), TestArchive.Options(output, "md"), null, CancellationToken.None);
        changed.Inputs.Where(i => i.Status == BatchStatus.Converted).Select(i => i.Path).ShouldBe(["articles/dw/1101.md"]);
        changed.Totals.Unchanged.ShouldBe(8);
        ReadFile(output).Count.ShouldBe(9);
        File.Exists(Path.Combine(output, BatchManifest.JournalFileName)).ShouldBeFalse();
    }
}
