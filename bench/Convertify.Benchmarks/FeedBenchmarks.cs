using System.Diagnostics;
using System.Globalization;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Convertify.Archive;
using Convertify.Archive.Feeds;
using Convertify.Formats;
using Convertify.Markdown;
using Convertify.Model;

namespace Convertify.Benchmarks;

/// <summary>
/// The feed reader against the archive reader on the same bodies: a generated feed (<c>scripts/make-feed.py</c>, named by
/// <c>CONVERTIFY_BENCH_FEED</c>, default <c>/tmp/feed-10000.xml</c>) converted to Markdown in memory (read all, write each
/// to a stream), and the same items framed as archive articles, read one by one and written by the same writer. Both
/// report per article (<c>OperationsPerInvoke</c> = the item count). <c>feed-loop [rounds]</c> is the quick version.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class FeedBenchmarks
{
    private const int Items = 10_000;

    // The 10,000-item corpus feed is ~74 MB, over the default 64 MiB cap.
    private readonly FeedArticleReader _feedReader = new(new FeedReaderOptions { MaxFeedBytes = 1L << 30 });
    private readonly ArchiveArticleReader _archiveReader = new();
    private readonly MarkdownArticleWriter _markdown = new();
    private readonly MemoryStream _output = new();
    private ArticleInput _feed = null!;
    private List<ArticleInput> _archive = null!;

    /// <summary>Loads the feed and frames its items as archive articles.</summary>
    [GlobalSetup]
    public void Setup() => (_feed, _archive) = Load();

    /// <summary>Reads the feed's items (streamed) and writes each as Markdown.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public long FeedToMarkdown() => FeedToMarkdown(_feedReader, _feed, _markdown, _output);

    /// <summary>Reads the same bodies as archive articles and writes each as Markdown.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public long ArchiveToMarkdown() => ArchiveToMarkdown(_archiveReader, _archive, _markdown, _output);

    private static long FeedToMarkdown(FeedArticleReader reader, ArticleInput feed, MarkdownArticleWriter markdown, MemoryStream output)
    {
        var total = 0L;
        foreach (var article in reader.ReadAll(feed))
        {
            total += Write(markdown, article, output);
        }
        return total;
    }

    private static long ArchiveToMarkdown(ArchiveArticleReader reader, List<ArticleInput> inputs, MarkdownArticleWriter markdown, MemoryStream output)
    {
        var total = 0L;
        foreach (var input in inputs)
        {
            total += Write(markdown, reader.Read(input), output);
        }
        return total;
    }

    private static long Write(MarkdownArticleWriter markdown, Article article, MemoryStream output)
    {
        output.SetLength(0);
        markdown.Write(article, output);
        return output.Length;
    }

    /// <summary>
    /// <c>feed-loop [rounds]</c>: both conversions <paramref name="rounds"/> times, alternating, on one thread; prints wall and
    /// CPU time per article and the feed's rate as a share of the archive's. Quicker than BenchmarkDotNet.
    /// </summary>
    public static int RunLoop(int rounds)
    {
        var (feed, archive) = Load();
        var feedReader = new FeedArticleReader(new FeedReaderOptions { MaxFeedBytes = 1L << 30 });
        var archiveReader = new ArchiveArticleReader();
        var markdown = new MarkdownArticleWriter();
        var output = new MemoryStream();
        FeedToMarkdown(feedReader, feed, markdown, output);
        ArchiveToMarkdown(archiveReader, archive, markdown, output);
        var times = new Dictionary<string, (double Wall, double Cpu)> { ["feed"] = (0, 0), ["archive"] = (0, 0) };
        for (var round = 0; round < rounds; round++)
        {
            Time("archive", () => ArchiveToMarkdown(archiveReader, archive, markdown, output));
            Time("feed", () => FeedToMarkdown(feedReader, feed, markdown, output));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{archive.Count:N0} items, {feed.Content.Length:N0} feed bytes, {rounds} round(s), one thread"));
        foreach (var (name, (wall, cpu)) in times)
        {
            var perArticle = wall / rounds / archive.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-8} wall {perArticle * 1e6:F0} µs/article ({1 / perArticle:N0} articles/s), CPU {cpu / rounds / archive.Count * 1e6:F0} µs/article"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feed/archive rate: wall {times["archive"].Wall / times["feed"].Wall:P0}, CPU {times["archive"].Cpu / times["feed"].Cpu:P0}"));
        return 0;

        void Time(string name, Action action)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            process.Refresh();
            var (wall, cpuTotal) = times[name];
            times[name] = (wall + watch.Elapsed.TotalSeconds, cpuTotal + (process.TotalProcessorTime - cpu).TotalSeconds);
        }
    }

    /// <summary>The feed, and its items framed as archive articles (path from the guid, feed time from pubDate).</summary>
    private static (ArticleInput Feed, List<ArticleInput> Archive) Load()
    {
        var path = Environment.GetEnvironmentVariable("CONVERTIFY_BENCH_FEED") is { Length: > 0 } configured ? configured : "/tmp/feed-10000.xml";
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no benchmark feed at {path}: run scripts/make-feed.py {path} 10000 (or set CONVERTIFY_BENCH_FEED)");
        }
        var bytes = File.ReadAllBytes(path);
        var archive = new List<ArticleInput>();
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.ReadToFollowing("item"))
        {
            string title = "", link = "", guid = "", date = "", body = "";
            using var item = reader.ReadSubtree();
            item.Read();
            while (!item.EOF)
            {
                if (item.NodeType != XmlNodeType.Element || item.Depth == 0)
                {
                    item.Read();
                    continue;
                }
                // ReadElementContentAsString moves past the element: no Read after it.
                switch (item.LocalName)
                {
                    case "title": title = item.ReadElementContentAsString(); break;
                    case "link": link = item.ReadElementContentAsString(); break;
                    case "guid": guid = item.ReadElementContentAsString(); break;
                    case "pubDate": date = item.ReadElementContentAsString(); break;
                    case "description": body = item.ReadElementContentAsString(); break;
                    default: item.Skip(); break;
                }
            }
            var ms = DateTimeOffset.ParseExact(date, "r", CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            var relative = guid.Split('#')[0];
            archive.Add(ArticleInput.FromString(relative, $"<!--{ms}-->\n[{title}]({link})\n------\n\n{body}\n"));
        }
        return (new ArticleInput(path, bytes), archive);
    }
}
