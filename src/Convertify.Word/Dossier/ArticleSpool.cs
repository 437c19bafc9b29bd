namespace Convertify.Word;

/// <summary>
/// A scratch file the dossier appends each article's rendered XML and pictures to as they arrive, so that only the
/// offsets stay in memory until the document is written; deleted when disposed.
/// </summary>
internal sealed class ArticleSpool : IDisposable
{
    private readonly FileStream _file = new(
        Path.Combine(Path.GetTempPath(), "convertify-dossier-" + Guid.NewGuid().ToString("N") + ".tmp"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    /// <summary>A stretch of the file.</summary>
    internal readonly record struct Segment(long Offset, int Length);

    /// <summary>Appends <paramref name="data"/> and returns where it is.</summary>
    public Segment Append(ReadOnlySpan<byte> data)
    {
        _file.Seek(0, SeekOrigin.End);
        var offset = _file.Position;
        _file.Write(data);
        return new Segment(offset, data.Length);
    }

    /// <summary>The bytes of <paramref name="segment"/>.</summary>
    public byte[] Read(Segment segment)
    {
        var data = new byte[segment.Length];
        _file.Seek(segment.Offset, SeekOrigin.Begin);
        _file.ReadExactly(data);
        return data;
    }

    public void Dispose() => _file.Dispose();
}
