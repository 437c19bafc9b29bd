using Convertify.Errors;

namespace Convertify.Batch.Sources;

/// <summary>Picks the source for an input: a folder, a single <c>.md</c> file, a glob, a .zip, .tar, .tar.gz or .tgz.</summary>
public static class ArchiveSource
{
    /// <summary>Opens the source for <paramref name="input"/>.</summary>
    /// <param name="input">What the user named.</param>
    /// <param name="exclude">A folder never read (the output folder).</param>
    /// <exception cref="ArticleFormatException">The input does not exist (<see cref="FormatProblem.NotFound"/>): it cannot be converted, as for one article.</exception>
    /// <exception cref="ArticleFormatException">The input does not exist or is of an unknown kind.</exception>
    public static IArchiveSource Open(string input, string? exclude = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        if (Directory.Exists(input))
        {
            return new FolderSource(input, exclude);
        }
        if (File.Exists(input))
        {
            var lower = input.ToLowerInvariant();
            if (lower.EndsWith(".zip", StringComparison.Ordinal))
            {
                return new ZipSource(input);
            }
            if (lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal))
            {
                return new TarSource(input, gzip: true);
            }
            if (lower.EndsWith(".tar", StringComparison.Ordinal))
            {
                return new TarSource(input, gzip: false);
            }
            if (lower.EndsWith(".md", StringComparison.Ordinal))
            {
                var full = Path.GetFullPath(input);
                var name = Path.GetFileName(full);
                var pattern = new System.Text.RegularExpressions.Regex(
                    "^" + System.Text.RegularExpressions.Regex.Escape(name) + "$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
                return new FolderSource(Path.GetDirectoryName(full)!, exclude, pattern);
            }
            throw new ArticleFormatException(input, FormatProblem.Unreadable, "not an archive: expected a folder, a glob, a .md, .zip, .tar, .tar.gz or .tgz file");
        }
        if (GlobPattern.IsGlob(input))
        {
            var (folder, pattern) = GlobPattern.Split(input);
            if (!Directory.Exists(folder))
            {
                throw new ArticleFormatException(input, FormatProblem.NotFound, $"folder '{folder}' not found");
            }
            return new FolderSource(folder, exclude, pattern);
        }
        throw new ArticleFormatException(input, FormatProblem.NotFound, "file or folder not found");
    }
}
