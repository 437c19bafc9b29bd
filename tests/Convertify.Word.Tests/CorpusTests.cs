using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

public sealed class CorpusTests
{
    [Fact]
    public void Every_corpus_article_converts_to_a_valid_deterministic_document_with_all_its_sentences()
    {
        var failures = new List<string>();
        var count = 0;
        using var writer = new WordArticleWriter();
        foreach (var (path, article, error) in CorpusDocuments.Articles())
        {
            if (article is null)
            {
                failures.Add(error!);
                continue;
            }
            var name = Convertify.Testing.Corpus.Relative(path);
            byte[] docx;
            try
            {
                using var stream = new MemoryStream();
                writer.Write(article, stream);
                docx = stream.ToArray();
                using var again = new MemoryStream();
                writer.Write(article, again);
                if (!again.ToArray().AsSpan().SequenceEqual(docx))
                {
                    failures.Add($"{name}: two writes differ");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{name}: writer threw {e}");
                continue;
            }
            count++;
            foreach (var problem in Docx.ValidationErrors(docx).Take(5))
            {
                failures.Add($"{name}: invalid: {problem}");
            }
            var text = CorpusDocuments.Squeeze(Docx.BodyText(docx));
            var position = 0;
            foreach (var sentence in CorpusDocuments.Sentences(article))
            {
                var found = text.IndexOf(sentence, position, StringComparison.Ordinal);
                if (found < 0)
                {
                    failures.Add($"{name}: sentence missing or out of order: {sentence}");
                    break;
                }
                position = found + sentence.Length;
            }
            if (!text.StartsWith(CorpusDocuments.Squeeze(article.Metadata.Title), StringComparison.Ordinal))
            {
                failures.Add($"{name}: document does not start with the title");
            }
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
        count.ShouldBeGreaterThan(0);
    }
}
