using System.Text;
using Convertify.Markdown.Reader.Tests.Support;
using Convertify.Testing;

namespace Convertify.Markdown.Reader.Tests;

/// <summary>archive → md → (reader) → model → md is byte-identical; → docx has the text archive → docx has.</summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryFixtureArticleWritesBackByteForByte() =>
        AssertByteIdentical(RoundTrip.FixtureFiles(), TestPaths.Fixtures).ShouldBeGreaterThanOrEqualTo(18);

    [Fact]
    public void EveryCorpusArticleWritesBackByteForByte()
    {
        var count = AssertByteIdentical(RoundTrip.CorpusFiles(), Corpus.Root());
        output.WriteLine($"{count} corpus articles written back byte for byte");
        count.ShouldBeGreaterThanOrEqualTo(100);
    }

    [Fact]
    public void EveryFixtureArticleGivesTheSameDocxText() =>
        AssertSameDocxText(RoundTrip.FixtureFiles(), TestPaths.Fixtures);

    [Fact]
    public void EveryCorpusArticleGivesTheSameDocxText() =>
        AssertSameDocxText(RoundTrip.CorpusFiles(), Corpus.Root());

    private static int AssertByteIdentical(IReadOnlyList<string> files, string root)
    {
        var failures = new List<string>();
        foreach (var path in files)
        {
            var first = RoundTrip.Markdown(RoundTrip.ReadArchive(path));
            var second = RoundTrip.Markdown(RoundTrip.ReadMarkdown(first));
            if (!first.AsSpan().SequenceEqual(second))
            {
                failures.Add($"{Path.GetRelativePath(root, path)}: {FirstDifference(first, second)}");
            }
        }
        failures.ShouldBeEmpty();
        return files.Count;
    }

    private static void AssertSameDocxText(IReadOnlyList<string> files, string root)
    {
        var failures = new List<string>();
        foreach (var path in files)
        {
            var article = RoundTrip.ReadArchive(path);
            var expected = DocxText.Paragraphs(article);
            var actual = DocxText.Paragraphs(RoundTrip.ReadMarkdown(RoundTrip.Markdown(article)));
            var at = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
                .FirstOrDefault(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i], -1);
            if (at >= 0)
            {
                failures.Add($"{Path.GetRelativePath(root, path)}: paragraph {at}: expected «{(at < expected.Count ? expected[at] : "(none)")}» got «{(at < actual.Count ? actual[at] : "(none)")}»");
            }
        }
        failures.ShouldBeEmpty();
    }

    private static string FirstDifference(byte[] first, byte[] second)
    {
        var a = Encoding.UTF8.GetString(first);
        var b = Encoding.UTF8.GetString(second);
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        var from = Math.Max(0, i - 60);
        return $"at char {i}: expected «{a[from..Math.Min(a.Length, i + 60)]}» got «{b[from..Math.Min(b.Length, i + 60)]}»";
    }
}
