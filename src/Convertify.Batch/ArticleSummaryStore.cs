using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Convertify.Batch.Incremental;

namespace Convertify.Batch;

/// <summary>
/// The article summaries a run keeps for its end (duplicate groups, the index cross-check), with their texts in a
/// temporary file: in memory only what grouping needs — the path, a 128-bit hash of the original URL, the content key —
/// and where the rest lies, ~70 bytes per article instead of ~450 (titles and URLs were the largest part of a run's
/// memory per input). Texts are read back only for the articles that end up in a group or an index check.
/// </summary>
internal sealed class ArticleSummaryStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Slot> _slots = [];
    private readonly Stream _texts;
    private readonly ArrayBufferWriter<byte> _record = new(1024);
    private long _length;

    /// <summary>
    /// Creates the store and its temporary file in <paramref name="folder"/> (deleted when the store is disposed); where
    /// no file can be made there, the texts stay in memory.
    /// </summary>
    public ArticleSummaryStore(string folder)
    {
        try
        {
            _texts = new FileStream(Path.Combine(folder, $"convertify-summaries-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _texts = new MemoryStream();
        }
    }

    /// <summary>Whether the texts are in a temporary file (false: in memory, no file could be made).</summary>
    internal bool OnDisk => _texts is FileStream;

    /// <summary>What is kept in memory for one article.</summary>
    /// <param name="RelativePath">The input's path (the string the run holds anyway).</param>
    /// <param name="UrlHash">The first half of the SHA-256 of the original URL (<see cref="HashUrl"/>); zero when there is none.</param>
    /// <param name="ContentKey">The article's content key.</param>
    /// <param name="Offset">Where its texts start in the temporary file.</param>
    /// <param name="Length">Their length in bytes.</param>
    internal readonly record struct Slot(string RelativePath, UInt128 UrlHash, ContentKey ContentKey, long Offset, int Length)
    {
        /// <summary>Whether the article has an original URL.</summary>
        public bool HasUrl => UrlHash != UInt128.Zero;
    }

    /// <summary>Adds one article's summary (any thread).</summary>
    public void Add(ArticleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var urlHash = summary.OriginalUrl.Length > 0 ? HashUrl(summary.OriginalUrl) : UInt128.Zero;
        lock (_gate)
        {
            _record.ResetWrittenCount();
            WriteText(summary.Title);
            WriteText(summary.OriginalUrl);
            WriteDate(summary.Published);
            WriteDate(summary.FeedTime);
            var bytes = _record.WrittenSpan;
            if (_texts.Position != _length)
            {
                _texts.Position = _length;
            }
            _texts.Write(bytes);
            _slots.Add(new Slot(summary.RelativePath, urlHash, summary.ContentKey, _length, bytes.Length));
            _length += bytes.Length;
        }
    }

    /// <summary>Every slot, sorted by path (once the workers are done).</summary>
    public Slot[] SortedByPath()
    {
        Slot[] slots;
        lock (_gate)
        {
            slots = [.. _slots];
        }
        Array.Sort(slots, static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return slots;
    }

    /// <summary>The whole summary behind <paramref name="slot"/>, read back from the temporary file.</summary>
    public ArticleSummary Read(in Slot slot)
    {
        var bytes = new byte[slot.Length];
        lock (_gate)
        {
            _texts.Flush();
            _texts.Position = slot.Offset;
            _texts.ReadExactly(bytes);
        }
        var at = 0;
        var title = ReadText(bytes, ref at);
        var url = ReadText(bytes, ref at);
        var published = ReadDate(bytes, ref at);
        var feedTime = ReadDate(bytes, ref at);
        return new ArticleSummary(slot.RelativePath, title, url, slot.ContentKey, published, feedTime);
    }

    /// <summary>
    /// The hash by which URLs are grouped: equal URLs, equal hashes; 128 bits of SHA-256 make unequal URLs with equal
    /// hashes (or a URL hashing to zero, which means "none") a non-event.
    /// </summary>
    public static UInt128 HashUrl(string url) => Sha256Digest.Of(MemoryMarshal.AsBytes(url.AsSpan())).High;

    /// <inheritdoc />
    public void Dispose() => _texts.Dispose();

    // Texts as UTF-16, as they are in memory: read back exactly, whatever they hold.
    private void WriteText(string text)
    {
        var bytes = MemoryMarshal.AsBytes(text.AsSpan());
        var span = _record.GetSpan(4 + bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, text.Length);
        bytes.CopyTo(span[4..]);
        _record.Advance(4 + bytes.Length);
    }

    private void WriteDate(DateTimeOffset date)
    {
        var span = _record.GetSpan(10);
        BinaryPrimitives.WriteInt64LittleEndian(span, date.Ticks);
        BinaryPrimitives.WriteInt16LittleEndian(span[8..], checked((short)date.Offset.TotalMinutes));
        _record.Advance(10);
    }

    private static string ReadText(byte[] bytes, ref int at)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        var start = at + 4;
        at = start + length * 2;
        return string.Create(length, (bytes, start), static (chars, state) =>
            state.bytes.AsSpan(state.start, chars.Length * 2).CopyTo(MemoryMarshal.AsBytes(chars)));
    }

    private static DateTimeOffset ReadDate(byte[] bytes, ref int at)
    {
        var span = bytes.AsSpan(at, 10);
        at += 10;
        return new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(span), TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(span[8..])));
    }
}
