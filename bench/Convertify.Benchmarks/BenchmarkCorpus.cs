using Convertify.Formats;

namespace Convertify.Benchmarks;

/// <summary>
/// Picks benchmark articles from the real corpus (<c>CONVERTIFY_CORPUS</c>, else <c>../shared/corpus</c> beside the
/// repository) by size: the smallest, the median and the largest article file.
/// </summary>
internal static class BenchmarkCorpus
{
    public const string Small = "small";
    public const string Typical = "typical";
    public const string Long = "long";

    /// <summary>The archive folder (the one holding <c>articles/</c>).</summary>
    public static string ArchiveRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CONVERTIFY_CORPUS");
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(configured))
        {
            candidates.Add(Path.GetFullPath(configured));
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "..", "shared", "corpus"));
        }
        foreach (var candidate in candidates)
        {
            var archive = Path.Combine(candidate, "duty-machine-news");
            if (Directory.Exists(Path.Combine(archive, "articles")))
            {
                return Path.GetFullPath(archive);
            }
            if (Directory.Exists(Path.Combine(candidate, "articles")))
            {
                return Path.GetFullPath(candidate);
            }
        }
        throw new DirectoryNotFoundException("no corpus: set CONVERTIFY_CORPUS to the shared corpus folder");
    }

    /// <summary>Every article file of the corpus, sorted by path.</summary>
    public static IReadOnlyList<string> ArticleFiles() =>
        Directory.EnumerateFiles(Path.Combine(ArchiveRoot(), "articles"), "*.md", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The article of the given size class, as an input whose path is relative to the archive root.</summary>
    public static ArticleInput Load(string size)
    {
        var bySize = ArticleFiles().OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).ToList();
        var file = size switch
        {
            Small => bySize[0],
            Typical => bySize[bySize.Count / 2],
            Long => bySize[^1],
            _ => throw new ArgumentOutOfRangeException(nameof(size), size, "small, typical or long"),
        };
        return Relative(file);
    }

    /// <summary>Reads a corpus file as an input named by its path relative to the archive root (as the batch names it).</summary>
    public static ArticleInput Relative(string file)
    {
        var relative = Path.GetRelativePath(ArchiveRoot(), file).Replace(Path.DirectorySeparatorChar, '/');
        return new ArticleInput(relative, File.ReadAllBytes(file));
    }
}
