using Convertify.Archive.Indexes;
using Convertify.Formats;
using Convertify.Batch.Sources;

namespace Convertify.Batch.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData("articles/voa/1.md", "articles/voa/1.md")]
    [InlineData("./articles//voa/./1.md", "articles/voa/1.md")]
    [InlineData("duty-machine-news/articles/voa/1.md", "articles/voa/1.md")]
    [InlineData("dmn/lists/BBC.md", "lists/BBC.md")]
    [InlineData("notes/readme.md", "notes/readme.md")]
    public void Safe_names_are_normalised(string name, string expected)
    {
        EntryPath.Sanitize(name, out var reason).ShouldBe(expected);
        reason.ShouldBeNull();
    }

    [Theory]
    [InlineData("../evil.md", "'..'")]
    [InlineData("a/../../b.md", "'..'")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("C:/x.md", "drive letter")]
    [InlineData("c:x.md", "drive letter")]
    [InlineData("a\\b.md", "backslash")]
    [InlineData("a\0b.md", "NUL")]
    [InlineData("a\nb.md", "control")]
    [InlineData("", "empty")]
    [InlineData("./", "empty")]
    public void Unsafe_names_are_refused(string name, string expected)
    {
        EntryPath.Sanitize(name, out var reason).ShouldBeNull();
        reason.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public void Shards_parse_and_are_stable()
    {
        ShardSpec.Parse("2/4").ShouldBe(new ShardSpec(2, 4));
        foreach (var bad in new[] { "0/4", "5/4", "1/0", "x/2", "1-2", "", "-1/2" })
        {
            Should.Throw<FormatException>(() => ShardSpec.Parse(bad));
        }
        // FNV-1a is fixed: the same path lands in the same shard on every machine and every run.
        ShardSpec.ShardOf("articles/voa/1008880.md", 1).ShouldBe(1);
        var spread = Enumerable.Range(0, 1000).Select(i => ShardSpec.ShardOf($"articles/voa/{i}.md", 4)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        spread.Keys.Order().ShouldBe([1, 2, 3, 4]);
        spread.Values.ShouldAllBe(c => c > 180);
    }

    [Fact]
    public void Globs_split_into_folder_and_pattern()
    {
        var (folder, pattern) = GlobPattern.Split("/data/dmn/articles/*/10*.md");
        folder.ShouldBe("/data/dmn/articles");
        pattern.IsMatch("voa/1008.md").ShouldBeTrue();
        pattern.IsMatch("voa/x/1008.md").ShouldBeFalse();
        pattern.IsMatch("voa/2008.md").ShouldBeFalse();
        var (deep, any) = GlobPattern.Split("dmn/**/*.md");
        deep.ShouldBe("dmn");
        any.IsMatch("a.md").ShouldBeTrue();
        any.IsMatch("articles/voa/a.md").ShouldBeTrue();
        any.IsMatch("articles/voa/a.mdx").ShouldBeFalse();
    }

    [Fact]
    public void Index_pages_parse_with_encoded_links_suffixes_and_other_folder_names()
    {
        var text = "BBC\n------\n\n9-1 [A title with ] bracket](/articles/BBC/1047717_A%20title.md)\n\n12-31 [Plain](/articles/dw/1024206.md)\r\n\nnot an entry\n13-1 [Bad month](/articles/dw/1.md)\n";
        IIndexPageReader pages = new ArchiveIndexPages();
        var entries = pages.Read("lists/BBC.md", System.Text.Encoding.UTF8.GetBytes(text));
        entries.Count.ShouldBe(2);
        entries[0].ShouldBe(new IndexPageEntry("lists/BBC.md", 9, 1, "A title with ] bracket", "BBC", "1047717"));
        entries[1].ShouldBe(new IndexPageEntry("lists/BBC.md", 12, 31, "Plain", "dw", "1024206"));
        pages.ArticleId("1047717_x.md").ShouldBe("1047717");
        pages.ArticleId("abc.md").ShouldBeNull();
        pages.IsIndexPage("lists/BBC.md").ShouldBeTrue();
        pages.IsIndexPage("articles/lists/1.md").ShouldBeFalse();
    }

    [Fact]
    public void Totals_add_up()
    {
        var totals = BatchTotals.Of([
            new BatchInputResult("a", BatchStatus.Converted), new BatchInputResult("b", BatchStatus.Failed),
            new BatchInputResult("c", BatchStatus.Cancelled), new BatchInputResult("d", BatchStatus.Skipped), new BatchInputResult("e", BatchStatus.Unchanged),
        ]);
        totals.ShouldBe(new BatchTotals(1, 1, 1, 1, 1));
        totals.Found.ShouldBe(5);
    }
}
