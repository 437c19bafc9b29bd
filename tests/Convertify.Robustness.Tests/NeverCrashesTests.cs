using System.Text;
using Convertify.Robustness.Tests.Support;
using CsCheck;

namespace Convertify.Robustness.Tests;

/// <summary>
/// Guarantee "never crashes, never corrupts": for generated and mutated inputs the reader returns an article or a
/// typed <c>ArticleFormatException</c>, and every writer output validates (see <see cref="ConversionHarness"/>).
/// </summary>
public sealed class NeverCrashesTests
{
    private static readonly Gen<string> Header = Gen.Select(HostileText.Phrase, HostileText.Url, (t, u) => $"<!--1700000000000-->\n[{t}]({u})\n------\n\n");

    [Fact]
    public void Random_bytes_give_an_article_or_a_typed_error()
    {
        FuzzLoop.Run("random-bytes", 2000, random =>
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            if (random.Next(3) > 0)
            {
                // Mostly text-like bytes without NUL, so inputs get past the binary check into the parser.
                const string alphabet = "<>/=\"' &;#abcdeiklmnoprstuvxyz0123456789\n\t[]()!-*_`";
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = random.Next(8) == 0 ? (byte)random.Next(1, 128) : (byte)alphabet[random.Next(alphabet.Length)];
                }
            }
            if (random.Next(2) == 0)
            {
                bytes = [.. Encoding.UTF8.GetBytes(Header.Sample(random)), .. bytes];
            }
            return (FuzzLoop.SitePath(random), bytes);
        });
    }

    [Fact]
    public void Generated_strings_give_an_article_or_a_typed_error()
    {
        var body = HostileText.Text.Array[0, 60].Select(parts => string.Concat(parts));
        FuzzLoop.Run("generated-strings", 800, random =>
        {
            var text = random.Next(3) == 0 ? body.Sample(random) : Header.Sample(random) + body.Sample(random);
            return (FuzzLoop.SitePath(random), Encoding.UTF8.GetBytes(text));
        });
    }

    [Fact]
    public void Generated_html_trees_convert_to_valid_documents()
    {
        var figures = FuzzLoop.Run("html-trees", 500, random => (FuzzLoop.SitePath(random), Encoding.UTF8.GetBytes(HtmlTrees.Article.Sample(random))));
        figures.Articles.ShouldBeGreaterThan(figures.Inputs / 2, "most generated trees should read as articles, or the writers are barely exercised");
    }

    [Fact]
    public void Mutated_fixtures_and_corpus_convert_to_valid_documents()
    {
        var seeds = Seeds.Files;
        var others = seeds.Select(s => s.Bytes).ToList();
        var figures = FuzzLoop.Run("mutations", 300, random =>
        {
            var (path, bytes) = seeds[random.Next(seeds.Count)];
            return (path, Mutator.Mutate(bytes, others, random));
        });
        figures.Articles.ShouldBeGreaterThan(figures.Inputs / 3);
    }

    [Fact]
    public void Regression_fixtures_convert_cleanly()
    {
        var files = Seeds.RegressionFiles().ToList();
        files.ShouldNotBeEmpty();
        using var harness = new ConversionHarness("regressions");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var wrongOutcome = new List<string>();
        foreach (var file in files)
        {
            // Files named error-*.md must give a typed format error; every other one must read as an article.
            var name = Path.GetFileName(file);
            var article = Watchdog.Run(name, () => harness.Check(name, File.ReadAllBytes(file), "articles/voa/" + name));
            if ((article is null) != name.StartsWith("error-", StringComparison.Ordinal))
            {
                wrongOutcome.Add(name + (article is null ? ": no article" : ": read as an article"));
            }
        }
        wrongOutcome.ShouldBeEmpty();
        harness.Finish();
        harness.AssertClean(clock.Elapsed, 0);
    }
}
