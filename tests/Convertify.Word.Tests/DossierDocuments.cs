using Convertify.Formats;
using Convertify.Model;
using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

/// <summary>Dossiers written for the tests, and the corpus articles they are made of.</summary>
internal static class DossierDocuments
{
    /// <summary>Writes a dossier of <paramref name="articles"/> (then the failures) and returns its bytes.</summary>
    public static byte[] Write(IEnumerable<Article> articles, DossierOptions? options = null,
        IEnumerable<(string Path, string Message)>? failures = null, WordWriterOptions? wordOptions = null)
    {
        using var writer = new WordDossierWriter(wordOptions);
        using var output = new MemoryStream();
        using (var sink = writer.Open(output, options))
        {
            foreach (var article in articles)
            {
                sink.Add(article);
            }
            foreach (var (path, message) in failures ?? [])
            {
                sink.AddFailure(path, message);
            }
            sink.Complete();
        }
        return output.ToArray();
    }

    /// <summary>Every corpus article the reader could read, in path order.</summary>
    public static List<Article> Corpus() => CorpusDocuments.Articles().Where(a => a.Article is not null).Select(a => a.Article!).ToList();

    /// <summary>The articles that are no duplicate of an earlier one (same original URL or same non-empty text), in input order.</summary>
    public static List<Article> Distinct(IEnumerable<Article> articles)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<Article>();
        foreach (var article in articles)
        {
            var url = article.Metadata.OriginalUrl.Trim();
            var hash = article.Statistics.Characters > 0 ? article.Statistics.ContentHash : "";
            if ((url.Length > 0 && urls.Contains(url)) || (hash.Length > 0 && hashes.Contains(hash)))
            {
                continue;
            }
            if (url.Length > 0)
            {
                urls.Add(url);
            }
            if (hash.Length > 0)
            {
                hashes.Add(hash);
            }
            kept.Add(article);
        }
        return kept;
    }
}
