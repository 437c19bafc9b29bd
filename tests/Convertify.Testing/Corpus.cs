using Xunit;

namespace Convertify.Testing;

/// <summary>
/// The real article corpus, named by <c>CONVERTIFY_CORPUS</c> (CI sets it to <c>../shared/corpus</c>).
/// When the variable names a missing folder, tests fail; when it is unset and no corpus sits beside the
/// repository, corpus tests are skipped with the reason.
/// </summary>
public static class Corpus
{
    /// <summary>The corpus root, or null when none is configured or found.</summary>
    public static string? TryRoot()
    {
        var configured = Environment.GetEnvironmentVariable("CONVERTIFY_CORPUS");
        if (!string.IsNullOrEmpty(configured))
        {
            var full = System.IO.Path.GetFullPath(configured, TestPaths.RepoRoot);
            if (!Directory.Exists(full))
            {
                throw new DirectoryNotFoundException($"CONVERTIFY_CORPUS names a missing folder: {configured} ({full})");
            }
            return full;
        }
        var beside = System.IO.Path.GetFullPath(System.IO.Path.Combine(TestPaths.RepoRoot, "..", "shared", "corpus"));
        return Directory.Exists(beside) ? beside : null;
    }

    /// <summary>The corpus root; skips the test when there is none and fails it when the variable names a missing folder.</summary>
    public static string Root()
    {
        var root = TryRoot();
        if (root is null)
        {
            Assert.Skip("no corpus: set CONVERTIFY_CORPUS to the shared corpus folder");
        }
        return root!;
    }

    /// <summary>The archive folder of the corpus (<c>duty-machine-news</c>).</summary>
    public static string Archive() => System.IO.Path.Combine(Root(), "duty-machine-news");

    /// <summary>Every article file of the corpus, sorted by path; fails when there are none.</summary>
    public static IReadOnlyList<string> ArticleFiles()
    {
        var articles = System.IO.Path.Combine(Archive(), "articles");
        var files = Directory.EnumerateFiles(articles, "*.md", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException("the corpus holds no articles under " + articles);
        }
        return files;
    }

    /// <summary>The archive index pages of the corpus.</summary>
    public static IReadOnlyList<string> ListFiles() =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Archive(), "lists"), "*.md").OrderBy(p => p, StringComparer.Ordinal).ToList();

    /// <summary>The path relative to the archive folder, with forward slashes (<c>articles/voa/1008880.md</c>).</summary>
    public static string Relative(string path) =>
        System.IO.Path.GetRelativePath(Archive(), path).Replace('\\', '/');
}
