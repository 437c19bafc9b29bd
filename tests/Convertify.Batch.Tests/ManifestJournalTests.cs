using System.Text.Json;
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
        var manifest = BatchManifest.Load(folder.Path);
        manifest.Set("articles/a.md", Entry("aaaa", "a.md"));
        manifest.Set("articles/b.md", Entry("bbbb", "b.md"));
        manifest.SaveIfDue(TimeSpan.Zero);
        // Killed here: no Save. A third line was being appended when the process died.
        File.Exists(folder.File(BatchManifest.FileName)).ShouldBeFalse();
        File.AppendAllText(folder.File(BatchManifest.JournalFileName), "{\"input\":\"articles/c.md\",\"sha256\":\"" + Sha256Digest.Of("cc"u8));

        var reloaded = BatchManifest.Load(folder.Path);
        reloaded.IsUnchanged("articles/a.md", Entry("aaaa", "a.md"), folder.Path).ShouldBeTrue();
        reloaded.IsUnchanged("articles/b.md", Entry("bbbb", "b.md"), folder.Path).ShouldBeTrue();
        reloaded.IsUnchanged("articles/b.md", Entry("changed", "b.md"), folder.Path).ShouldBeFalse();
        reloaded.IsUnchanged("articles/c.md", Entry("cc", "c.md"), folder.Path).ShouldBeFalse();

        reloaded.Save();
        File.Exists(folder.File(BatchManifest.JournalFileName)).ShouldBeFalse();
        using var document = JsonDocument.Parse(File.ReadAllBytes(folder.File(BatchManifest.FileName)));
        document.RootElement.GetProperty("inputs").EnumerateObject().Select(p => p.Name).ShouldBe(["articles/a.md", "articles/b.md"]);
    }

    [Fact]
    public void Removals_are_journaled_and_nothing_unflushed_is_claimed()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("a.md"), "a");
        var first = BatchManifest.Load(folder.Path);
        first.Set("articles/a.md", Entry("aaaa", "a.md"));
        first.Save();

        var second = BatchManifest.Load(folder.Path);
        second.Remove("articles/a.md");
        second.SaveIfDue(TimeSpan.Zero);
        second.Set("articles/late.md", Entry("llll", "a.md"));
        // Killed before the next flush: the removal is on disk, the late entry is not.
        var third = BatchManifest.Load(folder.Path);
        third.IsUnchanged("articles/a.md", Entry("aaaa", "a.md"), folder.Path).ShouldBeFalse();
        third.IsUnchanged("articles/late.md", Entry("llll", "a.md"), folder.Path).ShouldBeFalse();
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
