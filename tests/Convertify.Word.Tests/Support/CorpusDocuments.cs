using Convertify.Archive;
using Convertify.Formats;
using Convertify.Model;
using Convertify.Testing;

namespace Convertify.Word.Tests.Support;

/// <summary>The corpus read once per test run with the archive reader.</summary>
internal static class CorpusDocuments
{
    private static readonly Lazy<IReadOnlyList<(string Path, Article? Article, string? Error)>> All = new(() =>
    {
        var reader = new ArchiveArticleReader();
        var list = new List<(string, Article?, string?)>();
        foreach (var path in Corpus.ArticleFiles())
        {
            try
            {
                list.Add((path, reader.Read(ArticleInput.FromFile(path)), null));
            }
            catch (Exception e)
            {
                list.Add((path, null, $"{Corpus.Relative(path)}: reader failed: {e.GetType().Name}: {e.Message}"));
            }
        }
        return list;
    });

    /// <summary>Every corpus file with its article, or the reader's error.</summary>
    public static IReadOnlyList<(string Path, Article? Article, string? Error)> Articles()
    {
        Corpus.Root();
        return All.Value;
    }

    /// <summary>The sentences of an article's body: its plain text split after 。！？.!? and at line breaks.</summary>
    public static List<string> Sentences(Article article)
    {
        var sentences = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in Convertify.Text.PlainText.Of(article.Body))
        {
            if (c is '\n' or '\r')
            {
                Flush();
                continue;
            }
            current.Append(c);
            if (c is '。' or '！' or '？' or '.' or '!' or '?')
            {
                Flush();
            }
        }
        Flush();
        return sentences;

        void Flush()
        {
            var sentence = Squeeze(current.ToString());
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }
            current.Clear();
        }
    }

    /// <summary>Text without whitespace and without characters XML forbids, NFKC-normalised, for comparisons that ignore layout.</summary>
    public static string Squeeze(string text)
    {
        var clean = Convertify.Text.XmlSafeText.Clean(text);
        var builder = new System.Text.StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Normalize(System.Text.NormalizationForm.FormKC);
    }
}
