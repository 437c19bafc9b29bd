using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Convertify.Excel;
using Convertify.Model;

// Builds a catalogue of N rows (default 100,000) from template articles given fresh ids, and reports time and memory.
// Usage: CatalogBench [rows] [output.xlsx]; CONVERTIFY_CORPUS=<folder> repeats the corpus articles, else synthetic ones.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var outputPath = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "catalog-bench.xlsx");
var templates = Templates.Load();
Console.WriteLine($"templates: {templates.Count} ({Templates.Origin})");

var total = Stopwatch.StartNew();
var add = Stopwatch.StartNew();
using (var output = File.Create(outputPath))
using (var sink = new ExcelCatalogWriter().Open(output))
{
    for (var i = 0; i < rows; i++)
    {
        var template = templates[i % templates.Count];
        // Fresh id, title, URL and hash per row, as a real batch has: unique strings, no false duplicates.
        var id = $"{template.Metadata.Site.Code}/{i:D7}";
        var files = new Dictionary<string, string> { ["md"] = id + ".md", ["docx"] = id + ".docx" };
        var metadata = template.Metadata with
        {
            Id = id,
            Title = $"{template.Metadata.Title} ({i})",
            OriginalUrl = $"{template.Metadata.OriginalUrl}?copy={i}",
        };
        var statistics = template.Statistics with { ContentHash = $"{i:x8}{template.Statistics.ContentHash.AsSpan(8)}" };
        sink.Add(template with { Metadata = metadata, Statistics = statistics }, files);
    }
    add.Stop();
    var complete = Stopwatch.StartNew();
    sink.Complete();
    complete.Stop();
    Console.WriteLine($"add: {add.Elapsed.TotalSeconds:F2} s, complete: {complete.Elapsed.TotalSeconds:F2} s");
}
total.Stop();
using var self = Process.GetCurrentProcess();
Console.WriteLine($"rows: {rows:N0}, total: {total.Elapsed.TotalSeconds:F2} s, peak working set: {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB, " +
                  $"file: {new FileInfo(outputPath).Length / 1024.0 / 1024.0:F1} MiB ({outputPath})");

/// <summary>The articles the bench repeats.</summary>
internal static class Templates
{
    public static string Origin { get; private set; } = "synthetic";

    public static IReadOnlyList<Article> Load()
    {
        var corpus = Environment.GetEnvironmentVariable("CONVERTIFY_CORPUS");
        var articles = corpus is null ? null : Path.Combine(corpus, "duty-machine-news", "articles");
        if (articles is not null && Directory.Exists(articles))
        {
            var reader = new Convertify.Archive.ArchiveArticleReader();
            var read = new List<Article>();
            foreach (var file in Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                try
                {
                    read.Add(reader.Read(Convertify.Formats.ArticleInput.FromFile(file)));
                }
                catch (Convertify.Errors.ArticleFormatException e)
                {
                    Console.Error.WriteLine(e.Message);
                }
            }
            Origin = "corpus " + articles;
            return read;
        }
        var list = new List<Article>();
        for (var i = 0; i < 100; i++)
        {
            list.Add(Synthetic(i));
        }
        return list;
    }

    private static Article Synthetic(int n)
    {
        var site = new[] { "voa", "bbc", "rfi", "dw", "nyt", "ft", "rfa", "cdt", "reuters" }[n % 9];
        var paragraphs = new List<Block>();
        for (var p = 0; p < 12; p++)
        {
            paragraphs.Add(new ParagraphBlock([
                new TextInline(string.Concat(Enumerable.Repeat("港口在风暴后重新开放，渔船陆续返回码头。", 4)) + n),
                new LinkInline($"https://example.org/{site}/{n}/{p}", [new TextInline("相关报道")]),
            ]));
            if (p % 4 == 0)
            {
                paragraphs.Add(new FigureBlock($"https://img.example.com/{site}/{n}/{p}.jpg", "码头", "清晨的码头", "图片：通讯社"));
            }
        }
        var published = new DateTimeOffset(2020, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddDays(n * 11);
        var metadata = new ArticleMetadata($"{site}/{n}", $"articles/{site}/{n}.md", new SiteInfo(site, site.ToUpperInvariant()),
            $"第{n}篇：港口在风暴后重新开放", $"https://www.{site}.example.com/a/{n}.html",
            new PublishedTime(published, DateSource.BodyWithZone, DatePrecision.Minute, null), published.ToUniversalTime(),
            ["记者"], "zh-Hans", string.Empty, null);
        return ArticleAssembler.Assemble(metadata, [.. paragraphs], ImmutableArray<RelatedLink>.Empty, ImmutableArray<ConversionWarning>.Empty);
    }
}
