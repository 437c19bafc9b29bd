using System.Collections.Concurrent;
using Convertify.Conversion;
using Convertify.Formats;
using Convertify.Model;

namespace Convertify.Batch.Output;

/// <summary>
/// Writes the batch's output files atomically through <see cref="AtomicFile.WriteAllBytes"/> (a temporary
/// <c>.name.pid.hex32.tmp</c> beside the target, then a rename, so a killed run's leftovers are cleaned by the next
/// one), cheaply for hundreds of thousands of files: each worker renders into its own reused buffer and the file gets
/// one write system call; folders already made are remembered.
/// </summary>
internal sealed class OutputWriter
{
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    [ThreadStatic]
    private static MemoryStream? t_buffer;

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
        if (!_folders.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            _folders.TryAdd(directory, 0);
        }
        try
        {
            AtomicFile.WriteAllBytes(path, content);
        }
        catch (DirectoryNotFoundException)
        {
            // The folder was removed during the run: make it again, once.
            Directory.CreateDirectory(directory);
            AtomicFile.WriteAllBytes(path, content);
        }
    }
}
