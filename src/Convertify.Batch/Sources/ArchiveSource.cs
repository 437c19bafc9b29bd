using Convertify.Errors;

namespace Convertify.Batch.Sources;

/// <summary>
/// Picks the source for an input: a folder, a single input file (<c>.md</c>, or any extension of the registered readers),
/// a glob, a .zip, .tar, .tar.gz or .tgz. Sources list the files whose extension is one of the given ones.
/// </summary>
internal static class ArchiveSource
{
    /// <summary>Opens the source for <paramref name="input"/>.</summary>
    /// <param name="input">What the user named.</param>
    /// <param name="exclude">A folder never read (the output folder).</param>
    /// <exception cref="ArticleFormatException">The input does not exist (<see cref="FormatProblem.NotFound"/>): it cannot be converted, as for one article.</exception>
    /// <exception cref="ArticleFormatException">The input does not exist or is of an unknown kind.</exception>
    public static IArchiveSource Open(string input, string? exclude = null) => Open(input, exclude, null);

    /// <summary>Opens the source for <paramref name="input"/>, listing files with the given extensions.</summary>
    /// <param name="input">What the user named.</param>
    /// <param name="exclude">A folder never read (the output folder).</param>
    /// <param name="extensions">The extensions of input files, with their dots (the registered readers' <c>FormatInfo.Extensions</c>); null: <c>.md</c>.</param>
    /// <exception cref="ArticleFormatException">The input does not exist or is of an unknown kind.</exception>
    public static IArchiveSource Open(string input, string? exclude, IEnumerable<string>? extensions)
    {
        ArgumentException.ThrowIfNullOrEmpty(input);
        var inputExtensions = new ExtensionSet(extensions);
        extensions = inputExtensions.All;
        if (Directory.Exists(input))
        {
            return new FolderSource(input, exclude, extensions: extensions);
        }
        if (File.Exists(input))
        {
            var lower = input.ToLowerInvariant();
            if (lower.EndsWith(".zip", StringComparison.Ordinal))
            {
                return new ZipSource(input, extensions);
            }
            if (lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal))
            {
                return new TarSource(input, gzip: true, extensions);
            }
            if (lower.EndsWith(".tar", StringComparison.Ordinal))
            {
                return new TarSource(input, gzip: false, extensions);
            }
            if (inputExtensions.Matches(input))
            {
                var full = Path.GetFullPath(input);
                var name = Path.GetFileName(full);
                var pattern = new System.Text.RegularExpressions.Regex(
                    "^" + System.Text.RegularExpressions.Regex.Escape(name) + "$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
                return new FolderSource(Path.GetDirectoryName(full)!, exclude, pattern, extensions);
            }
            throw new ArticleFormatException(input, FormatProblem.Unreadable,
                $"not an archive: expected a folder, a glob, a {string.Join(", ", inputExtensions.All)}, .zip, .tar, .tar.gz or .tgz file");
        }
        if (GlobPattern.IsGlob(input))
        {
            var (folder, pattern) = GlobPattern.Split(input);
            if (!Directory.Exists(folder))
            {
                throw new ArticleFormatException(input, FormatProblem.NotFound, $"folder '{folder}' not found");
            }
            return new FolderSource(folder, exclude, pattern, extensions);
        }
        throw new ArticleFormatException(input, FormatProblem.NotFound, "file or folder not found");
    }
}
