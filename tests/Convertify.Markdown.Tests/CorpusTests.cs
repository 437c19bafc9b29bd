using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Convertify.Markdown.Tests.Support;
using Convertify.Model;
using Convertify.Testing;
using Convertify.Text;

namespace Convertify.Markdown.Tests;

public sealed class CorpusTests
{
    [Fact]
    public void EveryArticleReadsBackWithItsTitleDateAndUrl()
    {
        var failures = new List<string>();
        foreach (var entry in CorpusArticles.All())
        {
            var name = Corpus.Relative(entry.Path);
            var m = entry.Article.Metadata;
            try
            {
                var map = FrontMatterText.Read(FrontMatterText.Yaml(entry.Markdown));
                if (FrontMatterText.Scalar(map, "title") != XmlSafeText.Clean(m.Title)) failures.Add($"{name}: title");
                if (FrontMatterText.Scalar(map, "original_url") != m.OriginalUrl) failures.Add($"{name}: url");
                var date = DateTimeOffset.Parse(FrontMatterText.Scalar(map, "date"), CultureInfo.InvariantCulture);
                if (date != m.Published.Value || date.Offset != m.Published.Value.Offset) failures.Add($"{name}: date {date:o} != {m.Published.Value:o}");
                var document = MarkdigText.Parse(entry.Markdown);
                var yaml = MarkdigText.FrontMatter(document);
                if (yaml is null || FrontMatterText.Scalar(FrontMatterText.Read(yaml), "title") != XmlSafeText.Clean(m.Title)) failures.Add($"{name}: Markdig front matter");
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void EverySentenceOfTheBodyAppearsInOrder()
    {
        var failures = new List<string>();
        var checkedSentences = 0;
        foreach (var entry in CorpusArticles.All())
        {
            var rendered = Squash(MarkdigText.PlainText(MarkdigText.Parse(entry.Markdown)));
            var position = 0;
            foreach (var sentence in Sentences(PlainText.Of(entry.Article.Body)))
            {
                var found = rendered.IndexOf(sentence, position, StringComparison.Ordinal);
                if (found < 0)
                {
                    failures.Add($"{Corpus.Relative(entry.Path)}: missing or out of order: {sentence}");
                    break;
                }
                position = found + sentence.Length;
                checkedSentences++;
            }
        }
        failures.ShouldBeEmpty();
        checkedSentences.ShouldBeGreaterThan(CorpusArticles.All().Count * 5, "the corpus bodies should hold many sentences");
    }

    [Fact]
    public void NoRawHtmlRemainsExceptSpannedTables()
    {
        var failures = new List<string>();
        foreach (var entry in CorpusArticles.All())
        {
            foreach (var html in MarkdigText.RawHtml(MarkdigText.Parse(entry.Markdown)))
            {
                if (!html.StartsWith("block: <table>", StringComparison.Ordinal))
                {
                    failures.Add($"{Corpus.Relative(entry.Path)}: {html}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void OutputIsUtf8WithoutBomWithLfLineEndsAndOneFinalNewline()
    {
        var writer = new MarkdownArticleWriter();
        var failures = new List<string>();
        foreach (var entry in CorpusArticles.All())
        {
            using var stream = new MemoryStream();
            writer.Write(entry.Article, stream);
            var bytes = stream.ToArray();
            var name = Corpus.Relative(entry.Path);
            if (bytes.AsSpan().StartsWith("\uFEFF"u8)) failures.Add($"{name}: BOM");
            var text = new UTF8Encoding(false, true).GetString(bytes);
            if (text != entry.Markdown) failures.Add($"{name}: stream and string output differ");
            if (text.Contains('\r')) failures.Add($"{name}: CR");
            if (!text.EndsWith('\n') || text.EndsWith("\n\n", StringComparison.Ordinal)) failures.Add($"{name}: does not end with exactly one newline");
            if (text.Contains("\n\n\n", StringComparison.Ordinal)) failures.Add($"{name}: two blank lines in a row");
        }
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var writer = new MarkdownArticleWriter();
        foreach (var entry in CorpusArticles.All())
        {
            writer.WriteToString(entry.Article).ShouldBe(entry.Markdown);
        }
    }

    [Fact]
    public void PyYamlReadsEveryFrontMatter()
    {
        ExternalClients.RequirePythonModules("yaml");
        var entries = CorpusArticles.All();
        var inputs = new JsonArray();
        foreach (var entry in entries)
        {
            inputs.Add(FrontMatterText.Yaml(entry.Markdown));
        }
        var results = PyYaml.Load(inputs);
        var failures = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var m = entries[i].Article.Metadata;
            var result = results[i]!.AsObject();
            var name = Corpus.Relative(entries[i].Path);
            if (result["error"] is { } error)
            {
                failures.Add($"{name}: {error}");
                continue;
            }
            if (result["title"]?.GetValue<string>() != XmlSafeText.Clean(m.Title)) failures.Add($"{name}: title {result["title"]}");
            if (result["original_url"]?.GetValue<string>() != m.OriginalUrl) failures.Add($"{name}: url");
            var date = result["date"]?.GetValue<string>() ?? "";
            if (!date.StartsWith("datetime:", StringComparison.Ordinal)
                || DateTimeOffset.Parse(date["datetime:".Length..], CultureInfo.InvariantCulture) != m.Published.Value)
            {
                failures.Add($"{name}: date {date} != {m.Published.Value:o}");
            }
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>Sentences of at least four characters, whitespace removed (the writer may trim line edges).</summary>
    internal static IEnumerable<string> Sentences(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '。' or '！' or '？' or '.' or '!' or '?' or '\n')
            {
                if (builder.Length >= 4) yield return builder.ToString();
                builder.Clear();
                continue;
            }
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        }
        if (builder.Length >= 4) yield return builder.ToString();
    }

    internal static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        }
        return builder.ToString();
    }
}
