using BenchmarkDotNet.Running;
using Convertify.Benchmarks;

// `corpus-loop [rounds]` runs the quick whole-corpus loop, `feed-loop [rounds]` the feed-against-archive one (see
// FeedBenchmarks); anything else goes to BenchmarkDotNet
// (e.g. `--filter '*'`, `--filter '*ReadArticle*'`, `--list flat`).
if (args.Length > 0 && args[0] == "corpus-loop")
{
    return CorpusLoop.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
}
if (args.Length > 0 && args[0] == "feed-loop")
{
    return FeedBenchmarks.RunLoop(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
}
BenchmarkSwitcher.FromAssembly(typeof(ArticleBenchmarks).Assembly).Run(args);
return 0;
