using Convertify.Testing;

namespace Convertify.Robustness.Tests.Support;

/// <summary>Inputs the mutation fuzzer starts from: the bundled fixtures, the regression cases and (when present) the corpus.</summary>
internal static class Seeds
{
    private static readonly Lazy<IReadOnlyList<(string Path, byte[] Bytes)>> All = new(Load);

    public static IReadOnlyList<(string Path, byte[] Bytes)> Files => All.Value;

    public static IEnumerable<string> RegressionFiles() =>
        Directory.EnumerateFiles(Path.Combine(TestPaths.Fixtures, "regressions"), "*.md").OrderBy(p => p, StringComparer.Ordinal);

    private static List<(string, byte[])> Load()
    {
        var fixtures = TestPaths.Fixtures;
        var files = Directory.EnumerateFiles(Path.Combine(fixtures, "articles"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(fixtures, "bad"), "*.md"))
            .Concat(RegressionFiles())
            .Select(p => (ArchivePath(p), File.ReadAllBytes(p)))
            .ToList();
        if (Corpus.TryRoot() is { } root)
        {
            var articles = Path.Combine(root, "duty-machine-news", "articles");
            if (Directory.Exists(articles))
            {
                files.AddRange(Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories)
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .Select(p => (ArchivePath(p), File.ReadAllBytes(p))));
            }
        }
        return files;
    }

    /// <summary>"articles/&lt;site&gt;/&lt;id&gt;.md" for files in a site folder, so site-specific rules run.</summary>
    private static string ArchivePath(string path)
    {
        var site = Path.GetFileName(Path.GetDirectoryName(path)) ?? "voa";
        return $"articles/{site}/{Path.GetFileName(path)}";
    }
}
