using Convertify.Batch.Incremental;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

public sealed class ManifestJournalTests
{
    private static ManifestEntry Entry(string content, params string[] outputs) =>
        new(Sha256Digest.Of(System.Text.Encoding.UTF8.GetBytes(content)), "1.0", "opts", outputs);

    [Fact]
    public void A_killed_runs_journal_is_replayed_and_its_torn_last_line_ignored()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a.md"), "a");
        File.WriteAllText(folder.File("b.md"), "b");
        var manifest = BatchManifest.Load(folder.Path, inPathOrder: true);
        manifest.Set("articles/a.md", Entry("aaaa", "a.md"));
        manifest.Set("articles/b.md", Entry("bbbb", "b.md"));
        manifest.SaveIfDue(TimeSpan.Zero);
        // Killed here: no Save. A third line was being appended when the process died.
        File.Exists(folder.File(BatchManifest.FileName)).ShouldBeFalse();
        File.AppendAllText(folder.File(BatchManifest.JournalFileName), "{\"input\":\"articles/c.md\",\"sha256\":\"" + Sha256Digest.Of("cc"u8));

        var reloaded = BatchManifest.Load(folder.Path, inPathOrder: true);
        // The journal was merged into the manifest file when it was loaded.
        File.Exists(folder.File(BatchManifest.JournalFileName)).ShouldBeFalse();
        var a = reloaded.Previous("articles/a.md");
        var b = reloaded.Previous("articles/b.md");
        var c = reloaded.Previous("articles/c.md");
        BatchManifest.IsUnchanged(a, Entry("aaaa", "a.md"), folder.Path).ShouldBeTrue();
        BatchManifest.IsUnchanged(b, Entry("bbbb", "b.md"), folder.Path).ShouldBeTrue();
        BatchManifest.IsUnchanged(b, Entry("changed", "b.md"), folder.Path).ShouldBeFalse();
        BatchManifest.IsUnchanged(b, Entry("bbbb", "b.md", "b.docx"), folder.Path).ShouldBeFalse();
        BatchManifest.IsUnchanged(a, Entry("aaaa", "a.md") with { Options = "other" }, folder.Path).ShouldBeFalse();
        c.ShouldBeNull();
        BatchManifest.IsUnchanged(c, Entry("cc", "c.md"), folder.Path).ShouldBeFalse();

        reloaded.Save();
        File.Exists(folder.File(BatchManifest.JournalFileName)).ShouldBeFalse();
        File.ReadAllLines(folder.File(BatchManifest.FileName)).ShouldBe([
            "{\"version\":2}",
            "{\"input\":\"articles/a.md\",\"sha256\":\"" + Sha256Digest.Of("aaaa"u8) + "\",\"tool\":\"1.0\",\"options\":\"opts\",\"outputs\":[\"a.md\"]}",
            "{\"input\":\"articles/b.md\",\"sha256\":\"" + Sha256Digest.Of("bbbb"u8) + "\",\"tool\":\"1.0\",\"options\":\"opts\",\"outputs\":[\"b.md\"]}",
        ]);
    }

    [Fact]
    public void Removals_are_journaled_and_nothing_unflushed_is_claimed()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a.md"), "a");
        var first = BatchManifest.Load(folder.Path, inPathOrder: true);
        first.Set("articles/a.md", Entry("aaaa", "a.md"));
        first.Save();

        var second = BatchManifest.Load(folder.Path, inPathOrder: true);
        second.Previous("articles/a.md").ShouldNotBeNull();
        second.Remove("articles/a.md");
        second.SaveIfDue(TimeSpan.Zero);
        second.Set("articles/late.md", Entry("llll", "a.md"));
        // Killed before the next flush: the removal is on disk, the late entry is not.
        var third = BatchManifest.Load(folder.Path, inPathOrder: true);
        third.Previous("articles/a.md").ShouldBeNull();
        third.Previous("articles/late.md").ShouldBeNull();
    }

    [Fact]
    public void Digests_read_back_what_they_write()
    {
        var digest = Sha256Digest.Of("abc"u8);
        digest.ToString().ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Sha256Digest.TryParse(digest.ToString(), out var parsed).ShouldBeTrue();
        parsed.ShouldBe(digest);
        Sha256Digest.TryParse("not hex", out _).ShouldBeFalse();
        Sha256Digest.TryParse(new string('g', 64), out _).ShouldBeFalse();
    }
}
