using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>The article summaries kept for a run's end: texts on disk, read back exactly.</summary>
public sealed class ArticleSummaryStoreTests
{
    private static ArticleSummary Summary(string path, string title, string url, string hash, int day, int offsetHours) =>
        new(path, title, url, ArticleSummary.HashKey(hash),
            new DateTimeOffset(2021, 3, day, 10, 30, 0, TimeSpan.FromHours(offsetHours)),
            new DateTimeOffset(2021, 3, day, 2, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Summaries_read_back_exactly_and_sort_by_path_whatever_order_they_came_in()
    {
        using var temp = new TemporaryFolder();
        using var store = new ArticleSummaryStore(temp.Path);
        ArticleSummary[] added =
        [
            Summary("articles/voa/2.md", "Title with \ud800 a lone surrogate", "https://example.org/a", new string('a', 32), 2, 8),
            Summary("articles/bbc/1.md", "中文標題：測試", "", "not-hex", 1, -5),
            Summary("articles/dw/3.md", "", "https://example.org/b?x=1&y=ü", "", 3, 0),
        ];
        foreach (var summary in added)
        {
            store.Add(summary);
        }

        store.OnDisk.ShouldBeTrue();
        var slots = store.SortedByPath();
        slots.Length.ShouldBe(3);
        slots.Select(s => s.RelativePath).ShouldBe(["articles/bbc/1.md", "articles/dw/3.md", "articles/voa/2.md"]);
        slots.Select(s => store.Read(s)).ShouldBe(added.OrderBy(a => a.RelativePath, StringComparer.Ordinal));
        slots[0].HasUrl.ShouldBeFalse();
        slots[0].UrlHash.ShouldBe(UInt128.Zero);
        slots[2].UrlHash.ShouldBe(ArticleSummaryStore.HashUrl("https://example.org/a"));
        slots[2].UrlHash.ShouldNotBe(ArticleSummaryStore.HashUrl("https://example.org/a/"));
        Directory.EnumerateFiles(temp.Path).ShouldHaveSingleItem();
    }

    [Fact]
    public void Adds_from_many_threads_keep_every_summary_and_disposing_removes_the_file()
    {
        using var temp = new TemporaryFolder();
        var store = new ArticleSummaryStore(temp.Path);
        Parallel.For(0, 2000, i => store.Add(Summary($"articles/voa/{i:D5}.md", $"title {i}", $"https://example.org/{i % 1500}", $"{i:x32}", 1 + i % 28, 8)));

        var slots = store.SortedByPath();
        slots.Length.ShouldBe(2000);
        for (var i = 0; i < slots.Length; i += 97)
        {
            var summary = store.Read(slots[i]);
            summary.Title.ShouldBe($"title {i}");
            summary.OriginalUrl.ShouldBe($"https://example.org/{i % 1500}");
            summary.Published.Day.ShouldBe(1 + i % 28);
        }
        slots.Select(s => s.UrlHash).Distinct().Count().ShouldBe(1500);
        store.Dispose();
        Directory.EnumerateFiles(temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_writable_folder_the_texts_stay_in_memory()
    {
        using var temp = new TemporaryFolder();
        using var store = new ArticleSummaryStore(Path.Combine(temp.Path, "missing"));
        var summary = Summary("articles/voa/1.md", "t", "https://example.org/", new string('b', 32), 5, 8);
        store.Add(summary);

        store.OnDisk.ShouldBeFalse();
        store.Read(store.SortedByPath()[0]).ShouldBe(summary);
    }
}
