using System.Collections.Concurrent;
using System.Globalization;
using Convertify.Batch.State;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch.Output;

/// <summary>
/// Writes the batch's output files atomically, cheaply for hundreds of thousands of files: each worker renders into its
/// own reused buffer, the file gets one write system call into a temporary <c>.name.pid.hex32.tmp</c>, which is then
/// renamed into place (a killed run's leftovers are cleaned by the next one); folders already made are remembered.
/// </summary>
/// <remarks>
/// The temporary files are made in a folder per thread under <c>.convertify/tmp</c>, not beside their targets. Making a
/// file holds its folder's lock while ext4 allocates the inode, and after many files were deleted (an output folder
/// removed, outputs replaced) that allocation scans past every recently deleted inode (<c>recently_deleted</c>, 22-31 %
/// of a batch's perf samples). With both workers making files in one article folder, one waited for the other inside
/// the kernel, spinning: <c>rwsem_spin_on_owner</c> 3.9 % of the samples of 10,000 articles to md with two workers,
/// 0.03 % with a folder per thread. In a folder of its own each worker allocates alone; the rename into place holds the
/// target's folder only briefly.
/// </remarks>
internal sealed class OutputWriter
{
    /// <summary>The folder, under the output folder's <c>.convertify</c>, that holds the threads' folders of temporary files.</summary>
    public const string TemporaryFolderName = "tmp";

    // The folders made so far (targets' and threads' temporary folders): each is created once per run.
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private readonly string _temporaryRoot;

    // This thread's folder of temporary files, named once rather than per file.
    private readonly ThreadLocal<string> _temporaryFolder;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    public OutputWriter(string outputDirectory)
    {
        _temporaryRoot = Path.Combine(Path.GetFullPath(outputDirectory), StateDatabase.FolderName, TemporaryFolderName);
        _temporaryFolder = new(() => Path.Combine(_temporaryRoot, Environment.CurrentManagedThreadId.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Renders <paramref name="article"/> with <paramref name="writer"/> and writes it to <paramref name="path"/> atomically; returns the writer's own warnings.</summary>
    public IReadOnlyList<ConversionWarning> Write(string path, IArticleWriter writer, Article article)
    {
        var buffer = t_buffer ??= new MemoryStream(64 * 1024);
        buffer.SetLength(0);
        IReadOnlyList<ConversionWarning> warnings = [];
        if (writer is IWarningArticleWriter warning)
        {
            warnings = warning.WriteWithWarnings(article, buffer);
        }
        else
        {
            writer.Write(article, buffer);
        }
        Write(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (buffer.Capacity > 4 * 1024 * 1024)
        {
            // One huge article should not pin its buffer for the rest of the run.
            t_buffer = null;
        }
        return warnings;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (a full path) atomically.</summary>
    public void Write(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporaryFolder = _temporaryFolder.Value!;
        EnsureFolder(directory);
        EnsureFolder(temporaryFolder);
        try
        {
            AtomicFile.WriteAllBytes(path, content, temporaryFolder);
        }
        catch (DirectoryNotFoundException)
        {
            // A folder was removed during the run: make them again, once.
            Directory.CreateDirectory(directory);
            Directory.CreateDirectory(temporaryFolder);
            AtomicFile.WriteAllBytes(path, content, temporaryFolder);
        }
    }

    private void EnsureFolder(string directory)
    {
        if (!_folders.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            _folders.TryAdd(directory, 0);
        }
    }
}
