using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;
using static Convertify.Archive.Tests.ArchiveInput;

namespace Convertify.Archive.Tests;

/// <summary>The one id rule: <c>&lt;site&gt;/&lt;archive id&gt;</c>, the site from a known folder else the URL's host.</summary>
public sealed class ArticleIdTests
{
    private const string Voa = "https://www.voachinese.com/a/putin-and-xi/6896164.html";
    private const string Dw = "https://www.dw.com/zh/a-1046273";

    [Theory]
    [InlineData("articles/voa/1008880.md", Voa, "voa/1008880")]
    [InlineData("voa/6896164.md", Voa, "voa/6896164")]
    [InlineData("/tmp/copies/voa/6896164.md", Dw, "voa/6896164")]
    [InlineData("/work/shared/corpus/seed/000_98c8755f7fd95a3e.txt", Voa, "voa/000")]
    [InlineData("德国之声/1046273_贝多芬诞辰250周年.md", Dw, "dw/1046273")]
    [InlineData("articles/德国之声/1046273_贝多芬诞辰250周年.md", Voa, "dw/1046273")]
    [InlineData(@"C:\archive\DW\1046273.md", Voa, "dw/1046273")]
    [InlineData("downloads/1046273_贝多芬.md", Dw, "dw/1046273")]
    [InlineData("downloads/12abc_x.md", Dw, "dw/12abc_x")]
    [InlineData("downloads/_1.md", Dw, "dw/_1")]
    [InlineData("x.md", "https://news.lindenport.example/a", "news.lindenport.example/x")]
    public void Id_is_the_site_and_the_archive_id(string path, string url, string id)
    {
        Read("<p>x</p>", path: path, url: url).Metadata.Id.ShouldBe(id);
    }

    [Fact]
    public void Without_a_url_an_archive_folder_names_the_site()
    {
        var article = Read("<p>x</p>", path: "articles/lindenport/7_渡轮.md", url: "渡轮");
        article.Metadata.Id.ShouldBe("lindenport/7");
        article.Metadata.Site.ShouldBe(new SiteInfo("lindenport", "lindenport"));
    }

    [Fact]
    public void Without_a_site_the_id_is_the_archive_id_alone()
    {
        var article = Read("<p>x</p>", path: "downloads/1046273_贝多芬.md", url: "渡轮");
        article.Metadata.Id.ShouldBe("1046273");
        article.Metadata.Site.ShouldBe(new SiteInfo("unknown", "unknown"));
    }

    [Fact]
    public void Corpus_articles_in_the_2020_layout_get_the_same_id_and_site()
    {
        var files = Corpus.ArticleFiles();
        using var folder = new TemporaryFolder();
        var failures = new List<string>();
        foreach (var path in files)
        {
            var parts = Corpus.Relative(path).Split('/');
            var original = Reader.Read(ArticleInput.FromFile(path)).Metadata;
            Check(original, $"{parts[1]}/{Path.GetFileNameWithoutExtension(path)}", original.Site, Corpus.Relative(path));
            if (parts[1] != "dw")
            {
                continue;
            }
            // The 2020 layout names the folder in Chinese and the file <id>_<title>.
            var stem = Path.GetFileNameWithoutExtension(path) + "_" + string.Concat(original.Title.Where(char.IsLetterOrDigit).Take(20));
            foreach (var dir in new[] { "德国之声", "articles/德国之声" })
            {
                var copy = Path.Combine(folder.Path, dir, stem + ".md");
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(path, copy);
                Check(Reader.Read(ArticleInput.FromFile(copy)).Metadata, original.Id, original.Site, Path.GetRelativePath(folder.Path, copy));
            }
        }
        failures.ShouldBeEmpty();
        files.Count(f => Corpus.Relative(f).StartsWith("articles/dw/", StringComparison.Ordinal)).ShouldBeGreaterThan(0);

        void Check(ArticleMetadata m, string id, SiteInfo site, string name)
        {
            if (m.Id != id || m.Site != site)
            {
                failures.Add($"{name}: id {m.Id}, site {m.Site.Code} (expected {id}, {site.Code})");
            }
        }
    }

    [Fact]
    public void The_seed_article_and_its_copy_under_its_site()
    {
        var seed = Directory.EnumerateFiles(Path.Combine(Corpus.Root(), "seed")).ShouldHaveSingleItem();
        var article = Reader.Read(ArticleInput.FromFile(seed)).Metadata;
        var digits = new string(Path.GetFileName(seed).TakeWhile(char.IsAsciiDigit).ToArray());
        article.Id.ShouldBe(article.Site.Code + "/" + digits);
        article.Site.Code.ShouldBe("voa");
        using var folder = new TemporaryFolder();
        var copy = Path.Combine(folder.Path, "voa", "6896164.md");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(seed, copy);
        Reader.Read(ArticleInput.FromFile(copy)).Metadata.Id.ShouldBe("voa/6896164");
    }
}
