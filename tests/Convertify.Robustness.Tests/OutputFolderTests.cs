using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Convertify.Batch;
using Convertify.Conversion;
using Convertify.Robustness.Tests.Support;
using Convertify.Testing;
using CsCheck;

namespace Convertify.Robustness.Tests;

/// <summary>
/// Guarantee "never writes outside --out": zip and tar archives with generated hostile entry names (absolute,
/// '..', drive letters, backslashes, NUL, very long, reserved names) and symlinks, whose articles carry
/// path-like titles, are converted to every format; nothing outside the output folder changes, no output is a
/// link, and no output name comes from a title. The fixed cases are in tests/Convertify.Batch.Tests/SourceSafetyTests.cs.
/// </summary>
public sealed class OutputFolderTests
{
    private static readonly string[] Segments =
    [
        "..", ".", "", "articles", "voa", "lists", "CON", "NUL", "aux.md", "con.md", "COM1", "LPT1.md", "a\\b", "..\\..", "C:", "c:\\x", "\0",
        "x\u0001y", new string('a', 300), "%2e%2e", "…", "临登港", " ", "~", "$HOME", "*", "?", "|", ".md", "a.md", "\u202Eevil", "..md", "...",
    ];

    private static readonly Gen<string> EntryName = Gen.Select(Gen.OneOf(Segments).Array[1, 5], Gen.Int[0, 5], Gen.Bool, (parts, start, md) =>
    {
        var name = string.Join(start == 4 ? "\\" : "/", parts) + (md ? ".md" : "");
        return start switch { 0 => "/" + name, 1 => "articles/voa/" + name, 2 => "C:\\" + name, _ => name };
    });

    private const string Plain = "articles/voa/1234567.md";

    private static readonly Converter Converter = new ConverterBuilder().AddArchiveReader().AddMarkdown().AddWord().AddExcel().Build();

    [Fact]
    public async Task Generated_entry_names_and_links_never_put_a_file_outside_the_output_folder()
    {
        var seed = FuzzSettings.Seed;
        var archives = FuzzSettings.Duration is null ? 60 : int.MaxValue;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failures = new List<string>();
        var entries = 0;
        for (var i = 0; i < archives && (FuzzSettings.Duration is not { } d || clock.Elapsed < d); i++)
        {
            var random = FuzzLoop.ForIteration(seed, i);
            using var temp = new TemporaryFolder();
            var marker = "convertify-escape-" + Guid.NewGuid().ToString("N");
            var names = Enumerable.Range(0, 16).Select(_ => EntryName.Sample(random)).Append(Plain).ToList();
            names.Add("/tmp/" + marker + ".md");
            entries += names.Count;
            var tar = i % 2 == 1;
            var archive = temp.File(tar ? "in.tar.gz" : "in.zip");
            WriteArchive(archive, tar, names, marker, random);
            var before = TestArchive.Snapshot(temp.Path);

            BatchReport report;
            try
            {
                report = await Converter.RunBatch(archive, temp.File("out"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"archive {i} (seed {seed}): the batch threw {e.GetType().Name}: {e.Message}");
                continue;
            }
            var after = TestArchive.Snapshot(temp.Path);
            if (!after.SequenceEqual(before))
            {
                failures.Add($"archive {i} (seed {seed}): files outside out/ changed: {string.Join(", ", after.Keys.Except(before.Keys))}");
            }
            if (File.Exists("/tmp/" + marker + ".md") || Directory.EnumerateFileSystemEntries(Path.GetTempPath(), marker + "*").Any())
            {
                failures.Add($"archive {i} (seed {seed}): an absolute entry name was written");
            }
            var outRoot = Path.GetFullPath(temp.File("out")) + Path.DirectorySeparatorChar;
            foreach (var file in Directory.EnumerateFileSystemEntries(temp.File("out"), "*", SearchOption.AllDirectories))
            {
                var info = new FileInfo(file);
                if (info.LinkTarget is not null)
                {
                    failures.Add($"archive {i}: output {file} is a link");
                }
                if (!Path.GetFullPath(file).StartsWith(outRoot, StringComparison.Ordinal))
                {
                    failures.Add($"archive {i}: output {file} is outside the output folder");
                }
                if (Path.GetFileName(file).Contains("escape", StringComparison.Ordinal) && !file.Contains(marker, StringComparison.Ordinal))
                {
                    failures.Add($"archive {i}: output name {file} came from a title");
                }
            }
            if (report.Inputs.All(r => r.Status != BatchStatus.Converted))
            {
                failures.Add($"archive {i}: not even the plain entry converted: {string.Join("; ", report.Inputs.Select(r => r.Path + " " + r.Reason))}");
            }
        }
        FuzzFigures.Record($"output-folder: seed {seed}, {clock.Elapsed.TotalSeconds:0.0} s, archives {Math.Min(archives, entries / 18)}, entries {entries}, escapes {failures.Count}");
        failures.ShouldBeEmpty();
    }

    private static void WriteArchive(string path, bool tar, List<string> names, string marker, Random random)
    {
        string Article(int n) => ArchiveText.Article($"../../{marker}/escape {n} /etc/passwd C:\\x", "https://www.voachinese.com/a/" + n + ".html", "<p>body</p>");
        if (!tar)
        {
            using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
            for (var n = 0; n < names.Count; n++)
            {
                if (names[n].Length == 0) continue; // ZipArchive refuses empty names
                var entry = zip.CreateEntry(names[n]);
                if (random.Next(6) == 0 && names[n] != Plain)
                {
                    entry.ExternalAttributes = unchecked((int)0xA1FF_0000); // a symlink in Unix zip attributes
                    using var link = entry.Open();
                    link.Write(Encoding.UTF8.GetBytes(random.Next(2) == 0 ? "/etc/passwd" : "../../../" + marker + ".md"));
                    continue;
                }
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(Article(n)));
            }
            return;
        }
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new TarWriter(gzip, TarEntryFormat.Pax);
        for (var n = 0; n < names.Count; n++)
        {
            if (names[n].Length == 0) continue; // TarWriter refuses empty names
            TarEntry entry = (names[n] == Plain ? 5 : random.Next(6)) switch
            {
                0 => new PaxTarEntry(TarEntryType.SymbolicLink, names[n]) { LinkName = random.Next(2) == 0 ? "/etc/passwd" : "../../../" + marker + ".md" },
                1 => new PaxTarEntry(TarEntryType.HardLink, names[n]) { LinkName = "../" + marker + ".md" },
                _ => new PaxTarEntry(TarEntryType.RegularFile, names[n]) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(Article(n))) },
            };
            try
            {
                writer.WriteEntry(entry);
            }
            catch (ArgumentException)
            {
                // TarWriter refuses some names (e.g. empty); the archive simply lacks that entry.
            }
        }
    }
}
