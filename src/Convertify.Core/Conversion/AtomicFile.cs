namespace Convertify.Conversion;

/// <summary>Writes files so that they appear complete or not at all: a temporary file beside the target, then a rename.</summary>
internal static class AtomicFile
{
    // Temporary names are ".<name>.<pid>.<32 hex>.tmp": a per-process random prefix and a counter, unique without a GUID per file.
    // The prefix only has to differ between processes: Random.Shared's OS seed does that without loading OpenSSL, which
    // RandomNumberGenerator does (~2 ms of a one-file conversion with -o).
    private static readonly string Prefix = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()));
    private static long s_counter;

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; on any failure the target is untouched and no temporary file remains.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = TemporaryPath(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 65536))
            {
                write(stream);
                stream.Flush(flushToDisk: false);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> with one write call, as <see cref="Write(string, Action{Stream})"/>
    /// does otherwise. The folder must exist (callers writing many files create each folder once).
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="content">Its bytes.</param>
    /// <param name="temporaryFolder">
    /// Where the temporary file is made before it is renamed into place: beside <paramref name="path"/> when null; another
    /// existing folder on the same file system (a batch gives each thread its own, so two threads do not wait on one folder).
    /// </param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content, string? temporaryFolder = null)
    {
        var full = Path.GetFullPath(path);
        var temporary = TemporaryPath(full, temporaryFolder);
        try
        {
            using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                RandomAccess.Write(handle, content, 0);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static string TemporaryPath(string full, string? folder = null) =>
        Path.Combine(folder ?? Path.GetDirectoryName(full)!,
            $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Prefix}{Interlocked.Increment(ref s_counter):x16}.tmp");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
