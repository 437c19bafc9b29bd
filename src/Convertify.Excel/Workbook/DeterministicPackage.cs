using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Convertify.Excel;

/// <summary>
/// Rewrites a package with fixed entry times, a stable entry order and no extra fields: EPPlus stamps entries with
/// the current time, and reproducible output must not depend on when it was written. The compressed data is
/// copied as it is (deflate output depends only on the input); packages this rewriter does not understand
/// (ZIP64, encryption) are decompressed and compressed again instead. Parts of a second package of replacements
/// (the streamed sheets) take the place of the parts of the same name.
/// </summary>
internal static class DeterministicPackage
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const uint EndSignature = 0x06054b50;
    private const ushort Version = 20;
    private const ushort DataDescriptorFlag = 0x0008;
    private const ushort EncryptedFlag = 0x0001;

    private static readonly DateTimeOffset Earliest = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2107, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static void Copy(Stream source, Stream output, DateTimeOffset timestamp) => Copy(source, [], output, timestamp);

    /// <summary>Copies <paramref name="source"/>, with the parts of each package of <paramref name="replacements"/> in place of those of the same name.</summary>
    public static void Copy(Stream source, IReadOnlyList<Stream> replacements, Stream output, DateTimeOffset timestamp)
    {
        var stamp = (timestamp < Earliest ? Earliest : timestamp > Latest ? Latest : timestamp).UtcDateTime;
        var entries = ReadCentralDirectory(source);
        var replacing = new List<Entry>();
        foreach (var replacement in replacements)
        {
            if (ReadCentralDirectory(replacement) is not { } more)
            {
                entries = null;
                break;
            }
            replacing.AddRange(more);
        }
        if (entries is null)
        {
            Recompress(source, replacements, output, stamp);
            return;
        }
        var replaced = replacing.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        entries.RemoveAll(e => replaced.Contains(e.Name));
        entries.AddRange(replacing);
        entries.Sort((a, b) => Order(a.Name, b.Name));
        var time = (ushort)((stamp.Hour << 11) | (stamp.Minute << 5) | (stamp.Second / 2));
        var date = (ushort)(((stamp.Year - 1980) << 9) | (stamp.Month << 5) | stamp.Day);
        var offsets = new long[entries.Count];
        long position = 0;
        var header = new byte[46];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            offsets[i] = position;
            var span = header.AsSpan(0, 30);
            BinaryPrimitives.WriteUInt32LittleEndian(span, LocalHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], e.Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(span[8..], e.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(span[10..], time);
            BinaryPrimitives.WriteUInt16LittleEndian(span[12..], date);
            BinaryPrimitives.WriteUInt32LittleEndian(span[14..], e.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(span[18..], e.CompressedSize);
            BinaryPrimitives.WriteUInt32LittleEndian(span[22..], e.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)e.NameBytes.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(span[28..], 0);
            output.Write(span);
            output.Write(e.NameBytes);
            e.Source.Position = e.DataOffset;
            CopyBytes(e.Source, output, e.CompressedSize);
            position += 30 + e.NameBytes.Length + e.CompressedSize;
        }
        var directoryStart = position;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var span = header.AsSpan(0, 46);
            span.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(span, CentralHeaderSignature);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(span[8..], e.Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(span[10..], e.Method);
            BinaryPrimitives.WriteUInt16LittleEndian(span[12..], time);
            BinaryPrimitives.WriteUInt16LittleEndian(span[14..], date);
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], e.Crc);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], e.CompressedSize);
            BinaryPrimitives.WriteUInt32LittleEndian(span[24..], e.Size);
            BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)e.NameBytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(span[42..], (uint)offsets[i]);
            output.Write(span);
            output.Write(e.NameBytes);
            position += 46 + e.NameBytes.Length;
        }
        var end = header.AsSpan(0, 22);
        end.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(end, EndSignature);
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], (uint)(position - directoryStart));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], (uint)directoryStart);
        output.Write(end);
    }

    private static int Order(string a, string b)
    {
        var first = (a == "[Content_Types].xml" ? 0 : 1).CompareTo(b == "[Content_Types].xml" ? 0 : 1);
        return first != 0 ? first : string.CompareOrdinal(a, b);
    }

    /// <summary>The entries, or null when the package uses features this rewriter does not copy (ZIP64, encryption, multiple disks).</summary>
    internal static List<Entry>? ReadCentralDirectory(Stream source)
    {
        var length = source.Length;
        if (length < 22 || length >= uint.MaxValue)
        {
            return null;
        }
        // The end record has no comment when EPPlus writes it; search the last 64 KiB anyway.
        var tailLength = (int)Math.Min(length, 22 + 65_535);
        var tail = new byte[tailLength];
        source.Position = length - tailLength;
        source.ReadExactly(tail);
        var endAt = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndSignature)
            {
                endAt = i;
                break;
            }
        }
        if (endAt < 0)
        {
            return null;
        }
        var endRecord = tail.AsSpan(endAt);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(endRecord[10..]);
        var directorySize = BinaryPrimitives.ReadUInt32LittleEndian(endRecord[12..]);
        var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(endRecord[16..]);
        if (BinaryPrimitives.ReadUInt16LittleEndian(endRecord[4..]) != 0 || count == ushort.MaxValue ||
            directoryOffset == uint.MaxValue || (long)directoryOffset + directorySize > length)
        {
            return null;
        }
        var directory = new byte[directorySize];
        source.Position = directoryOffset;
        source.ReadExactly(directory);
        var entries = new List<Entry>(count);
        var at = 0;
        var local = new byte[30];
        for (var n = 0; n < count; n++)
        {
            if (at + 46 > directory.Length)
            {
                return null;
            }
            var h = directory.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(h) != CentralHeaderSignature)
            {
                return null;
            }
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]);
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
            var localOffset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]);
            if ((flags & EncryptedFlag) != 0 || compressed == uint.MaxValue || size == uint.MaxValue || localOffset == uint.MaxValue ||
                method is not (0 or 8) || at + 46 + nameLength > directory.Length)
            {
                return null;
            }
            var name = h.Slice(46, nameLength).ToArray();
            source.Position = localOffset;
            source.ReadExactly(local);
            if (BinaryPrimitives.ReadUInt32LittleEndian(local) != LocalHeaderSignature)
            {
                return null;
            }
            var dataOffset = localOffset + 30L + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28));
            if (dataOffset + compressed > length)
            {
                return null;
            }
            entries.Add(new Entry(source, Encoding.UTF8.GetString(name), name, (ushort)(flags & ~DataDescriptorFlag), method, crc, compressed, size, dataOffset));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static void CopyBytes(Stream source, Stream output, long count)
    {
        var buffer = new byte[Math.Min(count, 1 << 16)];
        while (count > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read <= 0)
            {
                throw new EndOfStreamException("the package ended inside an entry");
            }
            output.Write(buffer, 0, read);
            count -= read;
        }
    }

    private static void Recompress(Stream source, IReadOnlyList<Stream> replacements, Stream output, DateTime stamp)
    {
        var entryTime = new DateTimeOffset(stamp.Ticks, TimeSpan.Zero);
        var archives = new List<ZipArchive>();
        try
        {
            var byName = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
            foreach (var stream in replacements.Prepend(source))
            {
                stream.Position = 0;
                var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
                archives.Add(archive);
                foreach (var entry in archive.Entries)
                {
                    byName[entry.FullName] = entry;
                }
            }
            var entries = byName.Values.ToList();
            entries.Sort((a, b) => Order(a.FullName, b.FullName));
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var entry in entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = entryTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        finally
        {
            archives.ForEach(a => a.Dispose());
        }
    }

    internal sealed record Entry(Stream Source, string Name, byte[] NameBytes, ushort Flags, ushort Method, uint Crc, uint CompressedSize, uint Size, long DataOffset);
}
