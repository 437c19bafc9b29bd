using Convertify.Archive;
using Convertify.Formats;
using Convertify.Markdown.Reader;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Markdown.Reader.Tests.Support;

/// <summary>Archive articles written as Markdown and read back: the inputs of the round-trip tests.</summary>
internal static class RoundTrip
{
    public static readonly MarkdownArticleWriter Writer = new();
    public static readonly MarkdownArticleReader Reader = new();
    private static readonly ArchiveArticleReader Archive = new();

    /// <summary>The repository's archive fixtures (fixtures/articles), sorted.</summary>
    public static IReadOnlyList<string> FixtureFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "articles"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>Every corpus article: the archive's articles and the seed inputs (skips without a corpus).</summary>
    public static IReadOnlyList<string> CorpusFiles()
    {
        var seed = Path.Combine(Corpus.Root(), "seed");
        IEnumerable<string> seeds = Directory.Exists(seed) ? Directory.EnumerateFiles(seed, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        return [.. Corpus.ArticleFiles(), .. seeds];
    }

    /// <summary>The archive reader's article of <paramref name="path"/>.</summary>
    public static Article ReadArchive(string path) => Archive.Read(ArticleInput.FromFile(path));

    /// <summary>The Markdown writer's bytes of <paramref name="article"/>.</summary>
    public static byte[] Markdown(Article article)
    {
        using var stream = new MemoryStream();
        Writer.Write(article, stream);
        return stream.ToArray();
    }

    /// <summary>Reads Markdown bytes with the reader under the name an output would have.</summary>
    public static Article ReadMarkdown(byte[] markdown, string name = "out/articles/site/article.md") =>
        Reader.Read(new ArticleInput(name, markdown));
}
