using System.Text;
using Convertify.Markdown.Reader.Tests.Support;

namespace Convertify.Markdown.Reader.Tests;

/// <summary>md → model → md is byte-identical for articles full of Markdown's special characters, not only the corpus.</summary>
public sealed class RandomRoundTripTests
{
    [Fact]
    public void RandomArticlesWriteBackByteForByte()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 400; seed++)
        {
            var first = RoundTrip.Markdown(new RandomArticles(seed).Next());
            var second = RoundTrip.Markdown(RoundTrip.ReadMarkdown(first));
            if (!first.AsSpan().SequenceEqual(second))
            {
                var a = Encoding.UTF8.GetString(first);
                var b = Encoding.UTF8.GetString(second);
                var at = 0;
                while (at < a.Length && at < b.Length && a[at] == b[at]) at++;
                var from = Math.Max(0, a.LastIndexOf('\n', Math.Max(0, at - 1)) + 1);
                failures.Add($"seed {seed}: expected «{a[from..Math.Min(a.Length, at + 40)]}» got «{b[from..Math.Min(b.Length, at + 40)]}»");
            }
        }
        failures.ShouldBeEmpty();
    }
}
