using BenchmarkDotNet.Attributes;
using Convertify.Archive;
using Convertify.Excel;
using Convertify.Formats;
using Convertify.Markdown;
using Convertify.Model;
using Convertify.Word;

namespace Convertify.Benchmarks;

/// <summary>
/// Per-article costs of each stage on a small, a typical and a very long corpus article: time and allocations.
/// Short runs (3 warm-ups, 3 iterations, 1 launch) keep a full run to a few minutes.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ArticleBenchmarks
{
    private const int CatalogueRows = 100;

    private readonly ArchiveArticleReader _reader = new();
    private readonly MarkdownArticleWriter _markdown = new();
    private readonly WordArticleWriter _word = new();
    private readonly ExcelCatalogWriter _excel = new();
    private readonly MemoryStream _output = new();
    private readonly Dictionary<string, string> _files = new() { ["md"] = "articles/site/1.md", ["docx"] = "articles/site/1.docx" };
    private ArticleInput _input = null!;
    private Article _article = null!;

    /// <summary>Which corpus article: the smallest, the median or the largest file.</summary>
    [Params(BenchmarkCorpus.Small, BenchmarkCorpus.Typical, BenchmarkCorpus.Long)]
    public string Size { get; set; } = BenchmarkCorpus.Typical;

    /// <summary>Loads the article's bytes and reads it once for the writers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkCorpus.Load(Size);
        _article = _reader.Read(_input);
    }

    /// <summary>Releases the Word writer.</summary>
    [GlobalCleanup]
    public void Cleanup() => _word.Dispose();

    /// <summary>Reads one article: header, HTML parse, normalisation into the model.</summary>
    [Benchmark]
    public Article ReadArticle() => _reader.Read(_input);

    /// <summary>Writes one article as Markdown with front matter.</summary>
    [Benchmark]
    public long WriteMarkdown()
    {
        _output.SetLength(0);
        _markdown.Write(_article, _output);
        return _output.Length;
    }

    /// <summary>Writes one article as a .docx package.</summary>
    [Benchmark]
    public long WriteDocx()
    {
        _output.SetLength(0);
        _word.Write(_article, _output);
        return _output.Length;
    }

    /// <summary>Adds one catalogue row (measured over 100 rows into a fresh sink, without saving the workbook).</summary>
    [Benchmark(OperationsPerInvoke = CatalogueRows)]
    public void AddCatalogueRow()
    {
        _output.SetLength(0);
        using var sink = _excel.Open(_output);
        for (var i = 0; i < CatalogueRows; i++)
        {
            sink.Add(_article, _files);
        }
    }

    /// <summary>Adds 100 rows and saves the workbook: the per-row share of a whole catalogue, save included.</summary>
    [Benchmark(OperationsPerInvoke = CatalogueRows)]
    public long CatalogueRowWithSave()
    {
        _output.SetLength(0);
        using (var sink = _excel.Open(_output))
        {
            for (var i = 0; i < CatalogueRows; i++)
            {
                sink.Add(_article, _files);
            }
            sink.Complete();
        }
        return _output.Length;
    }
}
