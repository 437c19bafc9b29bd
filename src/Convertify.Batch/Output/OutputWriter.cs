using System.Collections.Concurrent;
using System.Security.Cryptography;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch.Output;

/// <summary>
/// Writes the batch's output files as <c>AtomicFile</c> does (a temporary file beside the target, then a rename; on
/// failure the target is untouched and no temporary remains; the same <c>.name.pid.hex32.tmp</c> names, so a killed
/// run's leftovers are cleaned by the next one), but cheaper per file for hundreds of thousands of files: each worker
/// renders into its own reused buffer and the file gets one write system call; folders already made are remembered;
/// temporary names come from a per-process random prefix and a counter instead of a new GUID per file.
/// </summary>
internal sealed class OutputWriter
{
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);
    private readonly string _prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly int _processId = Environment.ProcessId;
    private long _counter;

    [ThreadStatic]
    private static MemoryStream? t_buffer;

    /// <summary>Renders <paramref name="article"/> with <paramref name="writer"/> and writes it to <paramref name="path"/> atomically.</summary>
    public void Write(string path, IArticleWriter writer, Article article)
    {
        var buffer = t_buffer ??= new MemoryStream(64 * 1024);
        buffer.SetLength(0);
        writer.Write(article, buffer);
        Write(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (buffer.Capacity > 4 * 1024 * 1024)
        {
            // One huge article should not pin its buffer for the rest of the run.
            t_buffer = null;
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (a full path) atomically.</summary>
    public void Write(string path, ReadOnlySpan<byte> content)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (!_folders.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            _folders.TryAdd(directory, 0);
        }
        try
        {
            WriteInto(directory, path, content);
        }
        catch (DirectoryNotFoundException)
        {
            // The folder was removed during the run: make it again, once.
            Directory.CreateDirectory(directory);
            WriteInto(directory, path, content);
        }
    }

    private void WriteInto(string directory, string path, ReadOnlySpan<byte> content)
    {
        var counter = Interlocked.Increment(ref _counter);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{_processId}.{_prefix}{counter:x16}.tmp");
        try
        {
            using (var handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                RandomAccess.Write(handle, content, 0);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

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
