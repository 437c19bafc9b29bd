using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Convertify.Batch.Spill;

/// <summary>Reads back what a <see cref="RecordWriter"/> wrote, field by field in the same order.</summary>
internal ref struct RecordReader(ReadOnlySpan<byte> record)
{
    private readonly ReadOnlySpan<byte> _record = record;
    private int _at;

    /// <summary>Whether every byte was read.</summary>
    public readonly bool AtEnd => _at == _record.Length;

    /// <summary>The bytes not read yet.</summary>
    public readonly ReadOnlySpan<byte> Remaining => _record[_at..];

    public byte Byte() => _record[_at++];

    public int Int32()
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(_record[_at..]);
        _at += 4;
        return value;
    }

    public int SortableInt32()
    {
        var value = BinaryPrimitives.ReadInt32BigEndian(_record[_at..]) ^ int.MinValue;
        _at += 4;
        return value;
    }

    public long Int64()
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(_record[_at..]);
        _at += 8;
        return value;
    }

    public UInt128 UInt128()
    {
        var value = BinaryPrimitives.ReadUInt128BigEndian(_record[_at..]);
        _at += 16;
        return value;
    }

    public DateTimeOffset Date()
    {
        var ticks = Int64();
        return new DateTimeOffset(ticks, TimeSpan.FromMinutes(Int32()));
    }

    public ReadOnlySpan<char> StringSpan()
    {
        var length = Int32();
        var chars = MemoryMarshal.Cast<byte, char>(_record.Slice(_at, length * 2));
        _at += length * 2;
        return chars;
    }

    public string String() => new(StringSpan());

    /// <summary>A string or none, in place: false for none (which an empty span cannot tell from an empty string).</summary>
    public bool OptionalStringSpan(out ReadOnlySpan<char> value)
    {
        if (BinaryPrimitives.ReadInt32LittleEndian(_record[_at..]) < 0)
        {
            _at += 4;
            value = default;
            return false;
        }
        value = StringSpan();
        return true;
    }

    /// <summary>A list of strings as its bytes (count included), to copy or to read later with a reader of its own.</summary>
    public ReadOnlySpan<byte> StringsBlock()
    {
        var start = _at;
        SkipStrings();
        return _record[start.._at];
    }

    public void SkipStrings()
    {
        for (var count = Int32(); count > 0; count--)
        {
            StringSpan();
        }
    }

    public string[] Strings()
    {
        var values = new string[Int32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = String();
        }
        return values;
    }
}
