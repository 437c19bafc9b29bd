using System.Diagnostics;
using Convertify.Archive;
using Convertify.Errors;
using Convertify.Excel;
using Convertify.Formats;
using Convertify.Markdown;
using Convertify.Model;
using Convertify.Word;

namespace Convertify.Robustness.Tests.Support;

/// <summary>
/// Runs one input through the reader and every writer, and checks every output: the reader returns an article
/// or a typed format error; writers do not throw; .docx/.xlsx validate; front matter reads back; Markdown
/// holds no raw HTML or script URL. Problems are counted and described; failing inputs are saved to disk.
/// </summary>
internal sealed class ConversionHarness : IDisposable
{
    private const int CatalogueBatch = 40;
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private readonly ArchiveArticleReader _reader = new();
    private readonly MarkdownArticleWriter _markdown = new();
    private readonly WordArticleWriter _word = new();
    private readonly ExcelCatalogWriter _excel = new();
    private readonly List<(string Label, Article Article)> _pendingCatalogue = [];
    private readonly List<FrontMatterCase> _frontMatters = [];
    private readonly string _name;

    public ConversionHarness(string name) => _name = name;

    public FuzzFigures Figures { get; } = new();

    public List<string> Failures { get; } = [];

    /// <summary>Where inputs that failed are saved (one file each) for minimising into fixtures/regressions.</summary>
    public static string FailureFolder { get; } = Path.Combine(Path.GetTempPath(), "convertify-fuzz-failures");

    public Article? Check(string label, byte[] input, string path = "articles/voa/1234567.md")
    {
        Figures.Inputs++;
        Figures.Bytes += input.Length;
        Article article;
        var clock = Stopwatch.StartNew();
        try
        {
            article = _reader.Read(new ArticleInput(path, input));
        }
        catch (ArticleFormatException e)
        {
            Figures.FormatErrors++;
            Figures.ErrorKinds[e.Problem.ToString()] = Figures.ErrorKinds.GetValueOrDefault(e.Problem.ToString()) + 1;
            Timed(label, input, clock.Elapsed);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Figures.Crashes++;
            Fail(label, input, $"reader threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return null;
        }
        Timed(label, input, clock.Elapsed);
        Figures.Articles++;
        Write(label, input, article);
        return article;
    }

    public void Write(string label, byte[] input, Article article)
    {
        string markdown;
        try
        {
            markdown = _markdown.WriteToString(article);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Figures.Crashes++;
            Fail(label, input, $"markdown writer threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return;
        }
        var unsafeParts = MarkdownSafety.Problems(markdown);
        if (unsafeParts.Count > 0)
        {
            Figures.UnsafeMarkdown++;
            Fail(label, input, "markdown: " + string.Join("; ", unsafeParts.Take(3)));
        }
        if (FrontMatterCase.From(label, markdown, article) is { } frontMatter)
        {
            Figures.FrontMatters++;
            var problems = FrontMatterCheck.YamlDotNetProblems(frontMatter);
            if (problems.Count > 0)
            {
                Figures.FrontMatterMismatches++;
                Fail(label, input, "front matter (YamlDotNet): " + string.Join("; ", problems.Take(3)));
            }
            _frontMatters.Add(frontMatter);
        }
        else
        {
            Figures.FrontMatterMismatches++;
            Fail(label, input, "markdown does not start with a front matter block");
        }

        using (var docx = new MemoryStream())
        {
            try
            {
                _word.Write(article, docx);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Figures.Crashes++;
                Fail(label, input, $"word writer threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                return;
            }
            Figures.Documents++;
            var problems = OpenXmlCheck.DocxProblems(docx.ToArray());
            if (problems.Count > 0)
            {
                Figures.InvalidDocx++;
                Fail(label, input, "docx: " + string.Join("; ", problems.Take(3)));
            }
        }
        _pendingCatalogue.Add((label, article));
        if (_pendingCatalogue.Count >= CatalogueBatch)
        {
            FlushCatalogue();
        }
    }

    /// <summary>Writes the last catalogue and checks all front matters under PyYAML; call once at the end.</summary>
    public void Finish()
    {
        FlushCatalogue();
        var python = FrontMatterCheck.PyYamlProblems(_frontMatters);
        Figures.FrontMatterMismatches += python.Count;
        Failures.AddRange(python.Take(20).Select(p => "front matter (PyYAML): " + p));
        _frontMatters.Clear();
    }

    public void AssertClean(TimeSpan elapsed, ulong seed)
    {
        FuzzFigures.Record(Figures.Summary(_name, seed, elapsed));
        Figures.Inputs.ShouldBeGreaterThan(0);
        if (Failures.Count > 0)
        {
            Assert.Fail($"{_name} (seed {seed}): {Figures.Problems} problem(s); inputs saved under {FailureFolder}\n" + string.Join("\n", Failures.Take(10)));
        }
    }

    private void FlushCatalogue()
    {
        if (_pendingCatalogue.Count == 0)
        {
            return;
        }
        var batch = _pendingCatalogue.ToList();
        _pendingCatalogue.Clear();
        using var xlsx = new MemoryStream();
        try
        {
            using (var sink = _excel.Open(xlsx, new CatalogOptions("fuzz", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var id = batch[i].Article.Metadata.Id;
                    sink.Add(batch[i].Article, new Dictionary<string, string> { ["md"] = $"out/{i}.md", ["docx"] = $"out/{i}.docx" });
                }
                sink.AddFailure("articles/voa/broken.md", "=HYPERLINK(\"http://x.example\")");
                sink.Complete();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Figures.Crashes++;
            Failures.Add($"excel catalogue of [{string.Join(", ", batch.Select(b => b.Label))}] threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return;
        }
        Figures.Catalogues++;
        var problems = OpenXmlCheck.XlsxProblems(xlsx.ToArray());
        if (problems.Count > 0)
        {
            Figures.InvalidXlsx++;
            Failures.Add($"xlsx of [{string.Join(", ", batch.Select(b => b.Label))}]: " + string.Join("; ", problems.Take(3)));
        }
    }

    private void Timed(string label, byte[] input, TimeSpan elapsed)
    {
        var ms = elapsed.TotalMilliseconds;
        Figures.SlowestMs = Math.Max(Figures.SlowestMs, ms);
        if (input.Length >= 10_000)
        {
            Figures.SlowestMsPer100Kb = Math.Max(Figures.SlowestMsPer100Kb, ms / (input.Length / 100_000.0));
        }
        // A hang guard, not a speed test: ten times the one-second-per-100-KB budget, and at least 10 s.
        var limit = TimeSpan.FromMilliseconds(Math.Max(HangLimit.TotalMilliseconds, input.Length / 100_000.0 * 10_000));
        if (elapsed > limit)
        {
            Figures.Hangs++;
            Fail(label, input, $"reading took {ms:0} ms for {input.Length:N0} bytes");
        }
    }

    private void Fail(string label, byte[] input, string message)
    {
        Directory.CreateDirectory(FailureFolder);
        var file = Path.Combine(FailureFolder, $"{_name}-{label}.md".Replace('/', '_'));
        File.WriteAllBytes(file, input);
        if (Failures.Count < 200)
        {
            Failures.Add($"{label} ({file}): {message}");
        }
    }

    public void Dispose() => _word.Dispose();
}
