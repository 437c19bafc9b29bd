using Convertify.Word.Tests.Support;

namespace Convertify.Word.Tests;

/// <summary>The package writer that compresses shared parts once must give exactly ZipArchive's bytes.</summary>
public sealed class PackagingTests
{
    [Fact]
    public void Shared_part_packaging_gives_the_same_bytes_as_ZipArchive_for_every_corpus_article()
    {
        var failures = new List<string>();
        var compared = 0;
        using var fast = new WordArticleWriter();
        using var plain = new WordArticleWriter(null, shareCompressedParts: false);
        foreach (var (path, article, error) in CorpusDocuments.Articles())
        {
            if (article is null)
            {
                failures.Add(error!);
                continue;
            }
            using var one = new MemoryStream();
            using var other = new MemoryStream();
            fast.Write(article, one);
            plain.Write(article, other);
            if (!one.ToArray().AsSpan().SequenceEqual(other.ToArray()))
            {
                failures.Add($"{Convertify.Testing.Corpus.Relative(path)}: {one.Length} bytes from the shared-part writer, {other.Length} from ZipArchive");
            }
            compared++;
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
        compared.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Output_after_existing_bytes_keeps_ZipArchive_offsets()
    {
        var article = TestArticles.Create([TestArticles.Paragraph("一段测试文字，用来检查偏移量。")]);
        using var fast = new WordArticleWriter();
        using var plain = new WordArticleWriter(null, shareCompressedParts: false);
        using var one = new MemoryStream();
        using var other = new MemoryStream();
        one.Write("prefix"u8);
        other.Write("prefix"u8);
        fast.Write(article, one);
        plain.Write(article, other);
        one.ToArray().ShouldBe(other.ToArray());
    }
}
