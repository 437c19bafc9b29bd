using System.IO.Enumeration;
using System.Text.RegularExpressions;
using Convertify.Formats;

namespace Convertify.Batch.Sources;

/// <summary>
/// The input files (<c>*.md</c>, or every extension of the registered readers) under a folder (an archive, or any sub-folder of one), optionally only those matching a glob.
/// Relative paths are taken from the archive root (the folder holding <c>articles/</c>), so a sub-folder's outputs land
/// where the whole archive's would. Symbolic links that leave the folder are refused; links to folders are not followed.
/// The list of inputs is kept in a temporary database (<see cref="FolderListing"/>), so the memory a folder needs does
/// not grow with the number of its files.
/// </summary>
internal sealed class FolderSource : IArchiveSource
{
    private readonly string _folder;
    private readonly string _root;
    private readonly Regex? _pattern;
    private readonly string? _exclude;
    private readonly ExtensionSet _extensions;
    private FolderListing? _listing;

    /// <summary>Reads every input file under <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="exclude">A folder to leave out (the output folder when it lies inside the input).</param>
    /// <param name="pattern">Only files whose path relative to <paramref name="folder"/> matches (a compiled glob).</param>
    /// <param name="extensions">The extensions of input files, with their dots (the readers' <c>FormatInfo.Extensions</c>); null: <c>.md</c>.</param>
    public FolderSource(string folder, string? exclude = null, Regex? pattern = null, IEnumerable<string>? extensions = null)
    {
        _extensions = new ExtensionSet(extensions);
        ArgumentNullException.ThrowIfNull(folder);
        _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        _root = FindArchiveRoot(_folder);
        _pattern = pattern;
        _exclude = exclude is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(exclude));
    }

    /// <inheritdoc />
    public string Description => _folder;

    /// <inheritdoc />
    public IReadOnlyList<string>? KnownPaths => Listing();

    /// <inheritdoc />
    public IEnumerable<ArchiveEntry> Entries(CancellationToken cancellationToken)
    {
        var listing = Listing();
        var root = _root;
        foreach (var (relative, error) in listing.Read(0, listing.Count))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (error is not null)
            {
                yield return ArchiveEntry.Refused(relative, error);
                continue;
            }
            // A plain read: the batch's workers are already parallel, and small files read faster synchronously
            // than through the thread pool's asynchronous file I/O.
            yield return ArchiveEntry.Deferred(relative, ct =>
            {
                ct.ThrowIfCancellationRequested();
                return Task.FromResult(new ArticleInput(relative, ArticleInput.ReadRegularFile(FullPath(root, relative))));
            });
        }
    }

    private static string FullPath(string root, string relative) => Path.Join(root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc />
    public void Dispose() => _listing?.Dispose();

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

    private FolderListing Listing()
    {
        if (_listing is not null)
        {
            return _listing;
        }
        // At an archive root only articles/ and lists/ hold inputs; a README or other folders beside them are not articles.
        var layoutOnly = _folder == _root && IsArchiveRoot(_root);
        var found = new FolderListing();
        try
        {
            var pending = new Stack<string>();
            pending.Push(_folder);
            while (pending.Count > 0)
            {
                var directory = pending.Pop();
                foreach (var (name, isDirectory, link) in ListDirectory(directory))
                {
                    var full = Path.Join(directory, name);
                    if (!Wanted(directory, name, full))
                    {
                        continue;
                    }
                    if (link is not null)
                    {
                        AddLink(found, link);
                    }
                    else if (isDirectory)
                    {
                        pending.Push(full);
                    }
                    else if (_extensions.Matches(name) && Matches(full))
                    {
                        found.Add(Relative(full), null);
                    }
                }
            }
            found.Complete();
        }
        catch
        {
            found.Dispose();
            throw;
        }
        _listing = found;
        return _listing;

        bool Wanted(string directory, string name, string full) =>
            !(layoutOnly && directory == _folder && name is not ("articles" or "lists")) &&
            !(_exclude is not null && (full == _exclude || full.StartsWith(_exclude + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }

    /// <summary>
    /// A folder's entries: name, kind (a link's is its target's) and, for a symbolic link, the link itself. Neither
    /// ordinary files nor folders are looked at (no system call per entry).
    /// </summary>
    /// <remarks>
    /// Only the listing tells whether an entry is a link (d_type), and .NET shows it only by leaving links out
    /// (<see cref="FileAttributes.ReparsePoint"/> in <see cref="EnumerationOptions.AttributesToSkip"/>); asking an entry
    /// for its attributes costs an lstat. So the folder is listed twice at once, in step: a listing without links and
    /// one with everything. Both return the folder's entries in the same order, so an entry of the second whose name is
    /// the first's next one is not a link and costs nothing; only the others (the links, normally) are asked. When the
    /// two orders differ (the folder changed while it was listed, or a file system that orders its listings
    /// differently), the entries out of step are asked too: slower, never wrong. The second listing decides which
    /// entries there are: an entry made while the folder was listed is taken if that listing returned it.
    /// </remarks>
    private static IEnumerable<(string Name, bool IsDirectory, FileSystemInfo? Link)> ListDirectory(string directory)
    {
        var withoutLinks = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var every = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
        using var plain = new FileSystemEnumerable<(string Name, bool IsDirectory)>(directory,
            static (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory), withoutLinks).GetEnumerator();
        var next = plain.MoveNext() ? plain.Current : default;
        var entries = new FileSystemEnumerable<(string, bool, FileSystemInfo?)>(directory, (ref FileSystemEntry entry) =>
        {
            if (next.Name is not null && entry.FileName.SequenceEqual(next.Name))
            {
                var (name, isDirectory) = next;
                next = plain.MoveNext() ? plain.Current : default;
                return (name, isDirectory, null);
            }
            // A link's attributes were read when it was listed (its kind is its target's); anything else's cost an lstat.
            var link = (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? entry.ToFileSystemInfo() : null;
            return (entry.FileName.ToString(), entry.IsDirectory, link);
        }, every);
        foreach (var entry in entries)
        {
            yield return entry;
        }
    }

    /// <summary>A symbolic link: followed only to a file inside the folder.</summary>
    private void AddLink(FolderListing found, FileSystemInfo info)
    {
        var full = info.FullName;
        var relative = Relative(full);
        var isInput = _extensions.Matches(info.Name);
        if (info.LinkTarget is null)
        {
            // Not a link any more (replaced since it was listed): a file is taken as an ordinary one would be, a folder
            // is left out.
            if (info is FileInfo && isInput && Matches(full))
            {
                found.Add(relative, null);
            }
            return;
        }
        var target = SafeResolve(info);
        if (target is null)
        {
            if (isInput)
            {
                found.Add(relative, "broken symbolic link");
            }
        }
        else if (!IsInside(target.FullName))
        {
            found.Add(relative, $"symbolic link to '{target.FullName}', outside the input folder");
        }
        else if (target is FileInfo && isInput && Matches(full))
        {
            found.Add(relative, null);
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
