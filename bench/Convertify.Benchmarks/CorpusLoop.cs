using System.Diagnostics;
using Convertify.Archive;
using Convertify.Formats;
using Convertify.Markdown;
using Convertify.Model;
using Convertify.Word;

namespace Convertify.Benchmarks;

/// <summary>
/// <c>corpus-loop [rounds]</c>: reads and writes every corpus article <c>rounds</c> times on one thread and prints the
/// average time and allocation per article for each stage. Quicker than BenchmarkDotNet and averaged over the whole
/// corpus; a steady single-threaded loop is also what a profiler (dotnet-trace) should be attached to.
/// </summary>
internal static class CorpusLoop
{
    public static int Run(int rounds)
    {
        var inputs = BenchmarkCorpus.ArticleFiles().Select(BenchmarkCorpus.Relative).ToList();
        var reader = new ArchiveArticleReader();
        var markdown = new MarkdownArticleWriter();
        using var word = new WordArticleWriter();
        var output = new MemoryStream();
        var articles = inputs.Select(reader.Read).ToList();

        // Warm up every path (tiered JIT) before measuring.
        for (var i = 0; i < 3; i++)
        {
            Measure(inputs, input => reader.Read(input));
            Measure(articles, article => Write(markdown, article, output));
            Measure(articles, article => Write(word, article, output));
        }
        Console.WriteLine($"{inputs.Count} corpus articles, {rounds} round(s), one thread");
        // Wall time suffers on a loaded machine; the process's CPU time (this thread, plus GC and JIT) much less.
        Console.WriteLine("stage          wall µs/article  CPU µs/article  KB allocated/article");
        Report("read", rounds, inputs, input => reader.Read(input));
        Report("write md", rounds, articles, article => Write(markdown, article, output));
        Report("write docx", rounds, articles, article => Write(word, article, output));
        return 0;
    }

    private static void Write(IArticleWriter writer, Article article, MemoryStream output)
    {
        output.SetLength(0);
        writer.Write(article, output);
    }

    private static void Report<T>(string stage, int rounds, IReadOnlyList<T> items, Action<T> action)
    {
        var ticks = 0L;
        var bytes = 0L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var r = 0; r < rounds; r++)
        {
            var (t, b) = Measure(items, action);
            ticks += t;
            bytes += b;
        }
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var count = (double)rounds * items.Count;
        Console.WriteLine($"{stage,-14} {ticks * 1e6 / Stopwatch.Frequency / count,15:F1} {cpu.TotalMicroseconds / count,15:F1} {bytes / 1024.0 / count,21:F1}");
    }

    private static (long Ticks, long Bytes) Measure<T>(IReadOnlyList<T> items, Action<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        foreach (var item in items)
        {
            action(item);
        }
        return (Stopwatch.GetTimestamp() - start, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
