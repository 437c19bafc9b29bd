using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Documents.Tests;

/// <summary>Issue 23, point 3: two reads of the same text are equal (<c>==</c>), on the fixtures and the whole corpus.</summary>
public sealed class ReadEqualityTests
{
    [Fact]
    public void Two_reads_of_each_fixture_are_equal_with_equal_hash_codes_and_differ_from_the_other_fixtures()
    {
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "articles"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var first = files.Select(Articles.ReadFile).ToList();
        var second = files.Select(Articles.ReadFile).ToList();

        for (var i = 0; i < files.Count; i++)
        {
            (first[i] == second[i]).ShouldBeTrue(files[i]);
            first[i].GetHashCode().ShouldBe(second[i].GetHashCode(), files[i]);
        }
        first.ToHashSet().Count.ShouldBe(files.Count);
    }

    [Fact]
    public void Reading_from_text_and_from_the_file_gives_equal_articles_but_another_name_does_not()
    {
        var path = Path.Combine(TestPaths.Fixtures, "articles", "cdt", "332950.md");
        var text = File.ReadAllText(path);

        (Articles.Read(text, path) == Articles.Read(text, path)).ShouldBeTrue();
        (Articles.Read(text, "articles/cdt/332950.md") == Articles.Read(text, "articles/cdt/332951.md")).ShouldBeFalse();
    }

    [Fact]
    public void Two_reads_of_every_corpus_article_are_equal()
    {
        var files = Corpus.ArticleFiles();
        var read = files.Select(f => (File: f, Article: TryRead(f))).Where(r => r.Article is not null).ToList();

        read.Count.ShouldBeGreaterThan(files.Count / 2);
        read.Where(r => r.Article != TryRead(r.File) || r.Article!.GetHashCode() != TryRead(r.File)!.GetHashCode())
            .Select(r => r.File).ShouldBeEmpty();
    }

    private static Article? TryRead(string path)
    {
        try
        {
            return Articles.ReadFile(path);
        }
        catch (Errors.ArticleFormatException)
        {
            return null;
        }
    }
}
