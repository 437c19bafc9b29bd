using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Convertify.Batch.Spill;

/// <summary>Builds one record: numbers little-endian, strings as their UTF-16 code units (read back exactly, whatever they hold).</summary>
internal sealed class RecordWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    /// <summary>The record so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>Starts a new record.</summary>
    public RecordWriter Clear()
    {
        _buffer.ResetWrittenCount();
        return this;
    }

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    /// <summary>Big-endian, so that records compared byte by byte order by it.</summary>
    public void SortableInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), value ^ int.MinValue);
        _buffer.Advance(4);
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void UInt128(UInt128 value)
    {
        BinaryPrimitives.WriteUInt128BigEndian(_buffer.GetSpan(16), value);
        _buffer.Advance(16);
    }

    public void Date(DateTimeOffset value)
    {
        Int64(value.Ticks);
        Int32(checked((int)value.Offset.TotalMinutes));
    }

    public void String(ReadOnlySpan<char> value)
    {
        Int32(value.Length);
        Bytes(MemoryMarshal.AsBytes(value));
    }

    /// <summary>A string or none (null).</summary>
    public void OptionalString(string? value) => OptionalString(value is not null, value);

    /// <summary>A string (when <paramref name="present"/>) or none.</summary>
    public void OptionalString(bool present, ReadOnlySpan<char> value)
    {
        if (present)
        {
            String(value);
        }
        else
        {
            Int32(-1);
        }
    }

    public void Strings(IReadOnlyList<string> values)
    {
        Int32(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            String(values[i]);
        }
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }
}
