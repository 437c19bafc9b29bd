using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

public sealed class SourceSafetyTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly string Ok = TestArchive.Article("Fine", "https://ok.example/1", "A fine body.");

    [Fact]
    public async Task Malicious_zip_entries_are_refused_one_by_one_and_nothing_is_written_outside_the_output()
    {
        using var temp = new TemporaryFolder();
        var zipPath = temp.File("evil.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "articles/voa/ok.md", "../evil.md", "/abs-convertify-test.md", "C:\\x.md", "a\\..\\..\\b.md", "articles/voa/x\0y.md", "articles/../../up.md" })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(Ok));
            }
            var link = zip.CreateEntry("articles/voa/link.md");
            link.ExternalAttributes = unchecked((int)0xA1FF_0000);
            using (var stream = link.Open())
            {
                stream.Write("../../../outside.md"u8);
            }
        }
        var before = TestArchive.Snapshot(temp.Path, outputsOnly: false);

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(zipPath, TestArchive.Options(temp.File("out")), null, None);

        Reason(report, "articles/voa/ok.md").ShouldBeNull();
        report.Inputs.Single(i => i.Path == "articles/voa/ok.md").Status.ShouldBe(BatchStatus.Converted);
        Reason(report, "../evil.md").ShouldBe("entry name contains a '..' segment");
        Reason(report, "/abs-convertify-test.md").ShouldBe("entry name is an absolute path");
        Reason(report, "C:\\x.md").ShouldBe("entry name contains a backslash");
        Reason(report, "a\\..\\..\\b.md").ShouldBe("entry name contains a backslash");
        Reason(report, "articles/voa/x\\u0000y.md").ShouldBe("entry name contains a NUL character");
        Reason(report, "articles/../../up.md").ShouldBe("entry name contains a '..' segment");
        Reason(report, "articles/voa/link.md")!.ShouldContain("symbolic link");
        report.Totals.Found.ShouldBe(8);
        report.Totals.Failed.ShouldBe(7);
        report.ExitCode.ShouldBe(1);
        AssertNothingOutside(temp, before);
        File.Exists("/abs-convertify-test.md").ShouldBeFalse();
    }

    [Fact]
    public async Task Malicious_tar_entries_are_refused_one_by_one()
    {
        using var temp = new TemporaryFolder();
        var tarPath = temp.File("evil.tar");
        using (var file = File.Create(tarPath))
        using (var writer = new TarWriter(file, TarEntryFormat.Pax))
        {
            Regular(writer, "articles/voa/ok.md", Ok);
            Regular(writer, "../evil.md", Ok);
            Regular(writer, "/abs-convertify-test.md", Ok);
            writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "articles/voa/sym.md") { LinkName = "../../../../etc/passwd" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.HardLink, "articles/voa/hard.md") { LinkName = "/etc/passwd" });
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Fifo, "articles/voa/fifo.md"));
            Regular(writer, "articles/voa/ok2.md", Ok);
        }
        var before = TestArchive.Snapshot(temp.Path, outputsOnly: false);

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(tarPath, TestArchive.Options(temp.File("out")), null, None);

        report.Inputs.Where(i => i.Status == BatchStatus.Converted).Select(i => i.Path).ShouldBe(["articles/voa/ok.md", "articles/voa/ok2.md"]);
        Reason(report, "../evil.md").ShouldBe("entry name contains a '..' segment");
        Reason(report, "/abs-convertify-test.md").ShouldBe("entry name is an absolute path");
        Reason(report, "articles/voa/sym.md")!.ShouldStartWith("symbolic link entry");
        Reason(report, "articles/voa/hard.md")!.ShouldStartWith("hard link entry");
        Reason(report, "articles/voa/fifo.md")!.ShouldStartWith("not a regular file");
        report.Totals.Found.ShouldBe(7);
        AssertNothingOutside(temp, before);
    }

    [Fact]
    public async Task A_named_pipe_in_an_archive_folder_is_refused_without_waiting_for_a_writer()
    {
        Assert.SkipUnless(NamedPipe.IsSupported, NamedPipe.SkipReason);
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.File("archive"));
        var pipe = Path.Combine(archive, "articles", "voa", "1000000.md");
        NamedPipe.Make(pipe);

        var run = new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out"), "md"), null, None);
        var report = await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var input = report.Inputs.Single(i => i.Path == "articles/voa/1000000.md");
        input.Status.ShouldBe(BatchStatus.Failed);
        input.Reason!.ShouldContain("not a regular file");
        report.Totals.Converted.ShouldBe(9);
        report.Totals.Failed.ShouldBe(1);
    }

    [Fact]
    public async Task A_tar_header_declaring_10_GB_is_refused_before_reading()
    {
        using var temp = new TemporaryFolder();
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Regular(writer, "articles/voa/ok.md", Ok);
        }
        tar.SetLength(tar.Length - 1024); // drop the end-of-archive blocks
        tar.Position = tar.Length;
        tar.Write(HugeHeader("articles/voa/huge.md", 10L * 1024 * 1024 * 1024));
        tar.Write(new byte[512]); // a little data, nowhere near 10 GB
        var path = temp.File("huge.tar.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(tar.ToArray());
        }

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(path, TestArchive.Options(temp.File("out")), null, None);

        report.Inputs.Single(i => i.Path == "articles/voa/ok.md").Status.ShouldBe(BatchStatus.Converted);
        Reason(report, "articles/voa/huge.md").ShouldBe("entry declares 10,737,418,240 bytes; an article is at most 67,108,864 bytes");
        Reason(report, "huge.tar.gz")!.ShouldStartWith("corrupt or truncated .tar.gz archive");
        report.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Corrupt_and_truncated_gzip_give_a_clear_error()
    {
        using var temp = new TemporaryFolder();
        var garbage = temp.File("garbage.tar.gz");
        File.WriteAllBytes(garbage, [0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x03, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07]);
        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(garbage, TestArchive.Options(temp.File("out1")), null, None);
        report.Inputs.Count.ShouldBe(1);
        report.Inputs[0].Status.ShouldBe(BatchStatus.Failed);
        report.Inputs[0].Reason!.ShouldStartWith("corrupt or truncated .tar.gz archive");
        report.ExitCode.ShouldBe(1);
        File.Exists(Path.Combine(temp.File("out1"), BatchReport.FileName)).ShouldBeTrue();

        var archive = TestArchive.WriteSample(temp.File("tree"), perSite: 30);
        var whole = File.ReadAllBytes(TestArchive.TarGz(archive, temp.File("whole.tar.gz")));
        var truncated = temp.File("truncated.tgz");
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);
        var partial = await new BatchRunner(TestArchive.Converter()).RunAsync(truncated, TestArchive.Options(temp.File("out2")), null, None);
        partial.Inputs.Single(i => i.Path == "truncated.tgz").Reason!.ShouldStartWith("corrupt or truncated .tar.gz archive");
        partial.Totals.Converted.ShouldBeGreaterThan(0);
        Directory.EnumerateFiles(temp.File("out2"), "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();

        var badZip = temp.File("bad.zip");
        File.WriteAllText(badZip, "PK not really");
        var zipReport = await new BatchRunner(TestArchive.Converter()).RunAsync(badZip, TestArchive.Options(temp.File("out3")), null, None);
        zipReport.Inputs.Single().Reason!.ShouldStartWith("not a readable zip file");
    }

    [Fact]
    public async Task On_disk_symlinks_that_leave_the_folder_are_refused()
    {
        using var temp = new TemporaryFolder();
        var archive = TestArchive.WriteSample(temp.Path);
        File.WriteAllText(temp.File("outside.md"), Ok);
        Directory.CreateDirectory(temp.File("outside-dir"));
        File.WriteAllText(temp.File("outside-dir/secret.md"), Ok);
        File.CreateSymbolicLink(Path.Combine(archive, "articles/voa/escape.md"), temp.File("outside.md"));
        Directory.CreateSymbolicLink(Path.Combine(archive, "articles/elsewhere"), temp.File("outside-dir"));
        File.CreateSymbolicLink(Path.Combine(archive, "articles/voa/alias.md"), Path.Combine(archive, "articles/voa/1000.md"));
        var before = TestArchive.Snapshot(temp.Path, outputsOnly: false);

        var report = await new BatchRunner(TestArchive.Converter()).RunAsync(archive, TestArchive.Options(temp.File("out")), null, None);

        Reason(report, "articles/voa/escape.md")!.ShouldContain("outside the input folder");
        Reason(report, "articles/elsewhere")!.ShouldContain("outside the input folder");
        report.Inputs.Single(i => i.Path == "articles/voa/alias.md").Status.ShouldBe(BatchStatus.Converted);
        report.Inputs.ShouldNotContain(i => i.Path.Contains("secret"));
        AssertNothingOutside(temp, before);
    }

    [Fact]
    public async Task A_path_an_archive_holds_twice_is_converted_once_and_the_repeat_reported_in_a_tar_and_a_zip()
    {
        using var temp = new TemporaryFolder();
        var first = TestArchive.Article("First", "https://ok.example/first", "The first copy.");
        var second = TestArchive.Article("Second", "https://ok.example/second", "The second copy.");
        var tarPath = temp.File("twice.tar");
        using (var file = File.Create(tarPath))
        using (var writer = new TarWriter(file, TarEntryFormat.Pax))
        {
            // Out of path order, the repeat far from the first: a tar is read as it comes.
            Regular(writer, "articles/voa/2.md", first);
            Regular(writer, "articles/bbc/1.md", Ok);
            Regular(writer, "articles/voa/3.md", Ok.Replace("ok.example/1", "ok.example/3", StringComparison.Ordinal));
            Regular(writer, "articles/voa/2.md", second);
        }
        var zipPath = temp.File("twice.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in new[] { ("articles/voa/2.md", first), ("articles/bbc/1.md", Ok), ("articles/voa/2.md", second) })
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        foreach (var (input, found) in new[] { (tarPath, 4), (zipPath, 3) })
        {
            var output = temp.File(Path.GetFileName(input) + "-out");
            var report = await new BatchRunner(TestArchive.Converter()).RunAsync(input, TestArchive.Options(output), null, None);

            report.Totals.Found.ShouldBe(found, input);
            var twice = report.Inputs.Where(i => i.Path == "articles/voa/2.md").ToList();
            twice.Select(i => i.Status).ShouldBe([BatchStatus.Converted, BatchStatus.Failed], input);
            twice[1].Reason.ShouldBe("the archive holds this path more than once; only the first is converted");
            report.Inputs.Select(i => i.Path).ShouldBe(report.Inputs.Select(i => i.Path).Order(StringComparer.Ordinal), input);
            File.ReadAllText(Path.Combine(output, "articles/voa/2.docx")).ShouldContain("First");
        }
    }

    private static string? Reason(BatchReport report, string path)
    {
        var input = report.Inputs.SingleOrDefault(i => i.Path == path);
        input.ShouldNotBeNull($"no input {path} in: {string.Join(", ", report.Inputs.Select(i => i.Path))}");
        return input.Reason;
    }

    private static void AssertNothingOutside(TemporaryFolder temp, SortedDictionary<string, string> before)
    {
        var after = TestArchive.Snapshot(temp.Path, outputsOnly: false);
        foreach (var key in after.Keys.Where(k => k.StartsWith("out/", StringComparison.Ordinal)).ToList())
        {
            after.Remove(key);
        }
        after.ShouldBe(before);
        File.Exists(Path.Combine(Path.GetDirectoryName(temp.Path)!, "evil.md")).ShouldBeFalse();
    }

    private static void Regular(TarWriter writer, string name, string text)
    {
        var entry = writer.Format == TarEntryFormat.Pax
            ? (TarEntry)new PaxTarEntry(TarEntryType.RegularFile, name)
            : new UstarTarEntry(TarEntryType.RegularFile, name);
        entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        writer.WriteEntry(entry);
    }

    /// <summary>A ustar header whose size field holds <paramref name="size"/> in GNU base-256 form (for sizes past 8 GB).</summary>
    private static byte[] HugeHeader(string name, long size)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 116);
        header[124] = 0x80;
        for (var i = 0; i < 8; i++)
        {
            header[135 - i] = (byte)(size >> (8 * i));
        }
        Encoding.ASCII.GetBytes("00000000000\0").CopyTo(header, 136);
        header[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(header, 263);
        for (var i = 148; i < 156; i++)
        {
            header[i] = (byte)' ';
        }
        var sum = header.Sum(b => b);
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }
}
