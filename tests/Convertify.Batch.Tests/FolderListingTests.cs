using System.Text;
using Convertify.Batch.Sources;
using Convertify.Batch.Tests.Fakes;
using Convertify.Testing;

namespace Convertify.Batch.Tests;

/// <summary>A folder's listing kept in a temporary database: every input once, in string.CompareOrdinal order.</summary>
public sealed class FolderListingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Folders and names whose ordinal order is not the order of a walk folder by folder ('-' and '.' sort before '/'),
    // nor a culture's (capitals before small letters, 'é' after 'z'), and UTF-16 order, which is not code point order
    // (a surrogate pair, U+1F600, sorts before U+FF5E).
    private static readonly string[] Folders = ["a", "a-b", "a.b", "a b", "A", "Zed", "zed", "é", "日本", "\U0001F600", "\uFF5Ea", "a/a", "a/Ab"];
    private static readonly string[] Names = ["x", "X-1", "x.y", "10", "9", "Ärger", "ärger", "éa", "ea", "ß", "日", "\U0001F600", "\uFF5E", "a b"];

    private static string WriteTree(string parent, int copies)
    {
        var root = Path.Combine(parent, "archive");
        foreach (var folder in Folders)
        {
            foreach (var name in Names)
            {
                for (var i = 0; i < copies; i++)
                {
                    var relative = $"articles/{folder}/{name}{(i == 0 ? "" : "~" + i)}.md";
                    TestArchive.Write(root, relative, relative);
                }
            }
            TestArchive.Write(root, $"articles/{folder}/notes.txt", "not an article");
        }
        TestArchive.Write(root, "lists/List.md", "lists/List.md");
        return root;
    }

    /// <summary>What the listing must be: every .md under articles/ and lists/, sorted as string.CompareOrdinal sorts.</summary>
    private static List<string> Expected(string root)
    {
        var every = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        var paths = new[] { "articles", "lists" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(root, top), "*", every))
            .Where(p => p.EndsWith(".md", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        paths.Sort(string.CompareOrdinal);
        return paths;
    }

    [Fact]
    public async Task A_folder_lists_in_ordinal_order()
    {
        using var temp = new TemporaryFolder();
        var root = WriteTree(temp.Path, copies: 16);
        var expected = Expected(root);
        expected.Count.ShouldBe(Folders.Length * Names.Length * 16 + 1);
        expected.ShouldContain("articles/a-b/x.md");
        expected.IndexOf("articles/a-b/x.md").ShouldBeLessThan(expected.IndexOf("articles/a/x.md"));
        expected.IndexOf("articles/\U0001F600/x.md").ShouldBeLessThan(expected.IndexOf("articles/\uFF5Ea/x.md"));

        using var source = new FolderSource(root);
        var entries = source.Entries(None).ToList();

        entries.Select(e => e.RelativePath).ShouldBe(expected);
        entries.ShouldAllBe(e => e.IsUsable);
        // Every file holds its own relative path: a path paired with another's file would show.
        foreach (var entry in entries.Where((_, i) => i % 7 == 0))
        {
            Encoding.UTF8.GetString((await entry.LoadAsync(None)).Content.Span).ShouldBe(entry.RelativePath);
        }
    }

    [Fact]
    public void Known_paths_count_index_and_enumerate_the_listing_from_any_thread()
    {
        using var temp = new TemporaryFolder();
        var root = WriteTree(temp.Path, copies: 4);
        var expected = Expected(root);
        using var source = new FolderSource(root);

        var known = source.KnownPaths!;

        known.Count.ShouldBe(expected.Count);
        known.ShouldBe(expected);
        known.Skip(expected.Count - 5).ShouldBe(expected.Skip(expected.Count - 5));
        var read = new string[expected.Count];
        Parallel.For(0, expected.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => read[i] = known[i]);
        read.ShouldBe(expected);
        Should.Throw<ArgumentOutOfRangeException>(() => known[expected.Count]);
        source.Entries(None).Select(e => e.RelativePath).ShouldBe(expected);
    }

    [Fact]
    public void A_path_added_twice_is_listed_once_with_what_it_was_first_added_with()
    {
        using var listing = new FolderListing();
        listing.Add("articles/voa/2.md", null);
        listing.Add("articles/dw/1.md", "refused: too large");
        listing.Add("articles/voa/2.md", "refused: changed while listed");
        listing.Add("articles/Voa/3.md", null);
        listing.Complete();

        listing.Read(0, listing.Count).ShouldBe([
            ("articles/Voa/3.md", (string?)null),
            ("articles/dw/1.md", "refused: too large"),
            ("articles/voa/2.md", null),
        ]);
    }

    [Fact]
    public void An_empty_folder_lists_nothing()
    {
        using var temp = new TemporaryFolder();
        Directory.CreateDirectory(temp.File("archive/articles/voa"));
        using var source = new FolderSource(temp.File("archive"));

        source.KnownPaths!.Count.ShouldBe(0);
        source.KnownPaths.ShouldBeEmpty();
        source.Entries(None).ShouldBeEmpty();
    }

    [Fact]
    public async Task Links_among_many_files_are_handled_as_links_wherever_they_are_in_the_listing()
    {
        using var temp = new TemporaryFolder();
        var root = Path.Combine(temp.Path, "archive");
        for (var i = 0; i < 2000; i++)
        {
            TestArchive.Write(root, $"articles/voa/{i}.md", $"article {i}");
        }
        TestArchive.Write(root, "articles/dw/inside/1.md", "inside");
        File.WriteAllText(temp.File("outside.md"), "outside");
        Directory.CreateDirectory(temp.File("outside-dir"));
        File.WriteAllText(temp.File("outside-dir/secret.md"), "secret");
        var voa = Path.Combine(root, "articles/voa");
        File.CreateSymbolicLink(Path.Combine(voa, "alias.md"), Path.Combine(voa, "7.md"));
        File.CreateSymbolicLink(Path.Combine(voa, "relative.md"), "8.md");
        File.CreateSymbolicLink(Path.Combine(voa, "broken.md"), Path.Combine(voa, "none.md"));
        File.CreateSymbolicLink(Path.Combine(voa, "escape.md"), temp.File("outside.md"));
        File.CreateSymbolicLink(Path.Combine(voa, "alias.txt"), Path.Combine(voa, "9.md"));
        File.CreateSymbolicLink(Path.Combine(voa, "broken.txt"), Path.Combine(voa, "none.md"));
        Directory.CreateSymbolicLink(Path.Combine(voa, "elsewhere"), temp.File("outside-dir"));
        Directory.CreateSymbolicLink(Path.Combine(voa, "folder-link.md"), Path.Combine(root, "articles/dw/inside"));
        Directory.CreateSymbolicLink(Path.Combine(voa, "folder-link"), Path.Combine(root, "articles/dw/inside"));

        using var source = new FolderSource(root);
        var entries = source.Entries(None).ToList();

        var expected = Enumerable.Range(0, 2000).Select(i => $"articles/voa/{i}.md")
            .Concat(["articles/dw/inside/1.md", "articles/voa/alias.md", "articles/voa/relative.md", "articles/voa/broken.md", "articles/voa/escape.md", "articles/voa/elsewhere"])
            .Order(StringComparer.Ordinal).ToList();
        entries.Select(e => e.RelativePath).ShouldBe(expected);
        source.KnownPaths.ShouldBe(expected);
        var byPath = entries.ToDictionary(e => e.RelativePath);
        Encoding.UTF8.GetString((await byPath["articles/voa/alias.md"].LoadAsync(None)).Content.Span).ShouldBe("article 7");
        Encoding.UTF8.GetString((await byPath["articles/voa/relative.md"].LoadAsync(None)).Content.Span).ShouldBe("article 8");
        byPath["articles/voa/broken.md"].Error.ShouldBe("broken symbolic link");
        byPath["articles/voa/escape.md"].Error.ShouldBe($"symbolic link to '{temp.File("outside.md")}', outside the input folder");
        byPath["articles/voa/elsewhere"].Error.ShouldBe($"symbolic link to '{temp.File("outside-dir")}', outside the input folder");
        entries.Count(e => !e.IsUsable).ShouldBe(3);
    }
}
