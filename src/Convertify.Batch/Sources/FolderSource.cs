using System.IO.Enumeration;
using System.Text.RegularExpressions;
using Convertify.Formats;

namespace Convertify.Batch.Sources;

/// <summary>
/// The <c>*.md</c> files under a folder (an archive, or any sub-folder of one), optionally only those matching a glob.
/// Relative paths are taken from the archive root (the folder holding <c>articles/</c>), so a sub-folder's outputs land
/// where the whole archive's would. Symbolic links that leave the folder are refused; links to folders are not followed.
/// </summary>
public sealed class FolderSource : IArchiveSource
{
    private readonly string _folder;
    private readonly string _root;
    private readonly Regex? _pattern;
    private readonly string? _exclude;
    private List<(string Relative, string? Error)>? _found;

    /// <summary>Reads every <c>*.md</c> under <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="exclude">A folder to leave out (the output folder when it lies inside the input).</param>
    /// <param name="pattern">Only files whose path relative to <paramref name="folder"/> matches (a compiled glob).</param>
    public FolderSource(string folder, string? exclude = null, Regex? pattern = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _root = FindArchiveRoot(_folder);
        _pattern = pattern;
        _exclude = exclude is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(exclude));
    }

    /// <inheritdoc />
    public string Description => _folder;

    /// <inheritdoc />
    public IReadOnlyList<string>? KnownPaths => Found().Select(f => f.Item1).ToList();

    /// <summary>
    /// Whether the files are announced to the kernel ahead of their turn (Linux; on by default), so their pages are read
    /// while earlier files are converted.
    /// </summary>
    public bool ReadAheadEnabled { get; init; } = true;

    /// <inheritdoc />
    public IEnumerable<ArchiveEntry> Entries(CancellationToken cancellationToken)
    {
        var found = Found();
        var root = _root;
        using var readAhead = ReadAheadEnabled && PageCacheHint.IsSupported && found.Count > ReadAhead.Window
            ? new ReadAhead(found.Count, i => found[i].Error is null ? FullPath(root, found[i].Relative) : null, PageCacheHint.WillNeedFile)
            : null;
        for (var index = 0; index < found.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            readAhead?.Advance(index);
            var (relative, error) = found[index];
            if (error is not null)
            {
                yield return ArchiveEntry.Refused(relative, error);
                continue;
            }
            // The full path is made when the file is read: a run holds the list of inputs to the end, and the full
            // paths of 100,000 inputs would cost more than their relative ones.
            var name = relative;
            // A plain read: the batch's workers are already parallel, and small files read faster synchronously
            // than through the thread pool's asynchronous file I/O.
            yield return ArchiveEntry.Deferred(relative, ct =>
            {
                ct.ThrowIfCancellationRequested();
                return Task.FromResult(new ArticleInput(name, ArticleInput.FromFile(FullPath(root, name)).Content));
            });
        }
    }

    private static string FullPath(string root, string relative) => Path.Join(root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>
    /// The archive root for a folder: the folder itself when it holds <c>articles/</c> or <c>lists/</c>, else the
    /// nearest ancestor whose child on the way down is named <c>articles</c> or <c>lists</c>, else the folder.
    /// </summary>
    internal static string FindArchiveRoot(string folder)
    {
        if (IsArchiveRoot(folder))
        {
            return folder;
        }
        var child = new DirectoryInfo(folder);
        var parent = child.Parent;
        while (parent is not null)
        {
            if (child.Name is "articles" or "lists")
            {
                return parent.FullName;
            }
            child = parent;
            parent = parent.Parent;
        }
        return folder;
    }

    private List<(string Relative, string? Error)> Found()
    {
        if (_found is not null)
        {
            return _found;
        }
        var found = new List<(string, string?)>();
        var pending = new Stack<string>();
        pending.Push(_folder);
        // Each folder is listed twice, and neither listing looks at a file itself. The first leaves out symbolic links
        // and takes each entry's kind from the listing (d_type), so an ordinary file costs no system call at all; the
        // second finds the links, the names the first did not return, and only they are looked at (lstat, readlink).
        // Asking every entry whether it is a link cost an lstat and a readlink per file.
        var plain = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var every = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        // At an archive root only articles/ and lists/ hold inputs; a README or other folders beside them are not articles.
        var layoutOnly = _folder == _root && IsArchiveRoot(_root);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var seenNames = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            seen.Clear();
            var entries = new FileSystemEnumerable<(string Name, bool IsDirectory)>(directory,
                static (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory), plain);
            foreach (var (name, isDirectory) in entries)
            {
                seen.Add(name);
                var full = Path.Join(directory, name);
                if (!Wanted(directory, name, full))
                {
                    continue;
                }
                if (isDirectory)
                {
                    pending.Push(full);
                }
                else if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && Matches(full))
                {
                    found.Add((Relative(full), null));
                }
            }
            // A link's kind (IsDirectory) is its target's: the enumeration looked at the target for it.
            var links = new FileSystemEnumerable<FileSystemInfo>(directory, static (ref FileSystemEntry entry) => entry.ToFileSystemInfo(), every)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => !seenNames.Contains(entry.FileName),
            };
            foreach (var info in links)
            {
                if (Wanted(directory, info.Name, info.FullName))
                {
                    AddLink(found, info);
                }
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        _found = found;
        return found;

        bool Wanted(string directory, string name, string full) =>
            !(layoutOnly && directory == _folder && name is not ("articles" or "lists")) &&
            !(_exclude is not null && (full == _exclude || full.StartsWith(_exclude + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }

    /// <summary>An entry that was not in the listing without links: a link (followed only to a file inside the folder), or a file made since.</summary>
    private void AddLink(List<(string, string?)> found, FileSystemInfo info)
    {
        var full = info.FullName;
        var relative = Relative(full);
        var isMarkdown = info.Name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        if (info.LinkTarget is null)
        {
            // Not a link after all: made between the two listings. A file is taken as the first listing would have
            // taken it; a folder is left out (its files were not there when the run started).
            if (info is FileInfo && isMarkdown && Matches(full))
            {
                found.Add((relative, null));
            }
            return;
        }
        var target = SafeResolve(info);
        if (target is null)
        {
            if (isMarkdown)
            {
                found.Add((relative, "broken symbolic link"));
            }
        }
        else if (!IsInside(target.FullName))
        {
            found.Add((relative, $"symbolic link to '{target.FullName}', outside the input folder"));
        }
        else if (target is FileInfo && isMarkdown && Matches(full))
        {
            found.Add((relative, null));
        }
    }

    private string Relative(string full) => Path.GetRelativePath(_root, full).Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsArchiveRoot(string folder) =>
        Directory.Exists(Path.Combine(folder, "articles")) || Directory.Exists(Path.Combine(folder, "lists"));

    private bool Matches(string full) =>
        _pattern is null || _pattern.IsMatch(Path.GetRelativePath(_folder, full).Replace(Path.DirectorySeparatorChar, '/'));

    private bool IsInside(string path) =>
        path.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static FileSystemInfo? SafeResolve(FileSystemInfo info)
    {
        try
        {
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? target : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
