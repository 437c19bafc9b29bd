using System.Collections.Concurrent;

namespace Convertify.Excel;

/// <summary>
/// Produces parts on other threads, as many at a time as there are cores and in the order given, each into a scratch
/// file, while the package takes them one after the other and deflates them: a ZIP file is written sequentially, but
/// the XML of the large sheets need not be.
/// </summary>
internal sealed class SpooledParts : IDisposable
{
    private readonly Dictionary<string, TaskCompletionSource<FileStream>> _parts;
    private readonly Task _producing;

    public SpooledParts(IReadOnlyList<(string Name, Action<Stream> Write)> parts)
    {
        _parts = parts.ToDictionary(p => p.Name, _ => new TaskCompletionSource<FileStream>(), StringComparer.Ordinal);
        // No buffering in the partitioner: a thread that is done takes the next part in order.
        _producing = Task.Run(() => Parallel.ForEach(Partitioner.Create(parts, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, part =>
            {
                var file = new FileStream(Path.Combine(Path.GetTempPath(), "convertify-" + Guid.NewGuid().ToString("N") + ".xml.tmp"),
                    FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
                try
                {
                    part.Write(file);
                    file.Position = 0;
                    _parts[part.Name].SetResult(file);
                }
                catch (Exception e)
                {
                    file.Dispose();
                    _parts[part.Name].SetException(e);
                }
            }));
    }

    /// <summary>Waits for part <paramref name="name"/> and copies it into <paramref name="output"/>; throws what producing it threw.</summary>
    public void CopyTo(string name, Stream output)
    {
        using var file = _parts[name].Task.GetAwaiter().GetResult();
        _parts.Remove(name);
        // In whole blocks: the deflater's output depends on how its input is cut.
        var block = new byte[1 << 16];
        int read;
        while ((read = file.ReadAtLeast(block, block.Length, throwOnEndOfStream: false)) > 0)
        {
            output.Write(block, 0, read);
        }
    }

    /// <summary>Waits for the parts still being produced and deletes those that were not taken.</summary>
    public void Dispose()
    {
        _producing.Wait();
        foreach (var part in _parts.Values.Where(p => p.Task.IsCompletedSuccessfully))
        {
            part.Task.Result.Dispose();
        }
    }
}
