using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Markdown.Tests.Support;

/// <summary>The corpus read once with the archive reader, with each article's Markdown.</summary>
internal static class CorpusArticles
{
    private static readonly Lazy<IReadOnlyList<Entry>> Entries = new(Load);

    public sealed record Entry(string Path, Article Article, string Markdown);

    /// <summary>Every corpus article (skips the test when there is no corpus).</summary>
    public static IReadOnlyList<Entry> All()
    {
        Corpus.Root();
        return Entries.Value;
    }

    private static IReadOnlyList<Entry> Load()
    {
        var reader = new ArchiveArticleReader();
        var writer = new MarkdownArticleWriter();
        var entries = new List<Entry>();
        foreach (var path in Corpus.ArticleFiles())
        {
            var article = reader.Read(ArticleInput.FromFile(path));
            entries.Add(new Entry(path, article, writer.WriteToString(article)));
        }
        return entries;
    }
}
