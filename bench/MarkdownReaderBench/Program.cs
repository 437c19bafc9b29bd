using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Markdown;
using Convertify.Markdown.Reader;

// Reads the Markdown our writer writes for the corpus articles, N times over, with the Markdown reader; reports the
// median articles/s of several rounds. The Markdown is made in memory before timing (archive reader + writer).
// Usage: MarkdownReaderBench [copies=20] [rounds=7]; the corpus folder from CONVERTIFY_CORPUS, else ../shared/corpus.
var copies = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var corpus = Environment.GetEnvironmentVariable("CONVERTIFY_CORPUS") is { Length: > 0 } configured ? configured : Path.Combine("..", "shared", "corpus");
var articles = Path.Combine(corpus, "duty-machine-news", "articles");
if (!Directory.Exists(articles))
{
    Console.Error.WriteLine($"no corpus at {Path.GetFullPath(corpus)}: set CONVERTIFY_CORPUS");
    return 2;
}

var archive = new ArchiveArticleReader();
var writer = new MarkdownArticleWriter();
var inputs = new List<ArticleInput>();
foreach (var path in Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
{
    using var markdown = new MemoryStream();
    writer.Write(archive.Read(ArticleInput.FromFile(path)), markdown);
    inputs.Add(new ArticleInput(Path.ChangeExtension(Path.GetRelativePath(articles, path), ".md"), markdown.ToArray()));
}
var bytes = inputs.Sum(i => (long)i.Content.Length);
Console.WriteLine($"{inputs.Count} Markdown files ({bytes / 1024.0:F0} KiB, {bytes / inputs.Count:N0} bytes on average), read {copies} times a round, {rounds} rounds");

var reader = new MarkdownArticleReader();
// Warm-up (the JIT; for NativeAOT only the caches).
foreach (var input in inputs)
{
    Consume(reader.Read(input));
}
var rates = new List<double>();
var cpuRates = new List<double>();
using var process = Process.GetCurrentProcess();
for (var round = 0; round < rounds; round++)
{
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    for (var copy = 0; copy < copies; copy++)
    {
        foreach (var input in inputs)
        {
            Consume(reader.Read(input));
        }
    }
    clock.Stop();
    process.Refresh();
    // On a shared machine the wall clock also counts the time other processes held the core: CPU time does not.
    var cpu = process.TotalProcessorTime - cpuBefore;
    var count = inputs.Count * copies;
    rates.Add(count / clock.Elapsed.TotalSeconds);
    cpuRates.Add(count / cpu.TotalSeconds);
    Console.WriteLine($"round {round + 1}: {count} articles in {clock.Elapsed.TotalMilliseconds:F0} ms = {rates[^1]:N0} articles/s; " +
                      $"{cpu.TotalMilliseconds:F0} ms CPU = {cpuRates[^1]:N0} articles per CPU second");
}
rates.Sort();
cpuRates.Sort();
var median = rates[rates.Count / 2];
var runtime = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" || RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT";
Console.WriteLine($"median: {median:N0} articles/s wall clock ({median * bytes / inputs.Count / 1024 / 1024:F1} MiB/s), " +
                  $"{cpuRates[cpuRates.Count / 2]:N0} articles per CPU second; one thread, {runtime}");
return 0;

[MethodImpl(MethodImplOptions.NoInlining)]
static void Consume(Convertify.Model.Article article) => GC.KeepAlive(article);
