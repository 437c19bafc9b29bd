using System.Globalization;
using System.Runtime.CompilerServices;

namespace Convertify.Markdown.Internal;

/// <summary>
/// A growable run of characters, a lean <see cref="System.Text.StringBuilder"/>: one contiguous array (so the last
/// characters, an insertion and the whole text as a span are cheap) that is kept and reused between articles.
/// </summary>
internal sealed class CharBuffer
{
    private char[] _chars;
    private int _length;

    public CharBuffer(int capacity = 256)
    {
        _chars = new char[capacity];
    }

    /// <summary>The number of characters; setting it lower truncates.</summary>
    public int Length
    {
        get => _length;
        set
        {
            if ((uint)value > (uint)_length)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }
            _length = value;
        }
    }

    public char this[int index] => AsSpan()[index];

    public ReadOnlySpan<char> AsSpan() => new(_chars, 0, _length);

    public void Clear() => _length = 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CharBuffer Append(char c)
    {
        var chars = _chars;
        var length = _length;
        if ((uint)length < (uint)chars.Length)
        {
            chars[length] = c;
            _length = length + 1;
        }
        else
        {
            Grow(1);
            _chars[_length++] = c;
        }
        return this;
    }

    public CharBuffer Append(char c, int count)
    {
        if (count > 0)
        {
            EnsureRoom(count);
            _chars.AsSpan(_length, count).Fill(c);
            _length += count;
        }
        return this;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CharBuffer Append(ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length - _length)
        {
            Grow(text.Length);
        }
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
        return this;
    }

    public CharBuffer Append(string? text) => Append(text.AsSpan());

    /// <summary>Appends a non-negative number in invariant digits.</summary>
    public CharBuffer Append(int value)
    {
        EnsureRoom(11);
        value.TryFormat(_chars.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    /// <summary>Inserts one character at <paramref name="index"/>, moving the rest one place on.</summary>
    public void Insert(int index, char c)
    {
        if ((uint)index > (uint)_length)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        EnsureRoom(1);
        _chars.AsSpan(index, _length - index).CopyTo(_chars.AsSpan(index + 1));
        _chars[index] = c;
        _length++;
    }

    /// <summary>A span of <paramref name="count"/> characters at the end to write into; <see cref="Advance"/> commits what was written.</summary>
    public Span<char> GetSpan(int count)
    {
        EnsureRoom(count);
        return _chars.AsSpan(_length, count);
    }

    public void Advance(int count) => _length += count;

    /// <summary>Drops the array if it grew beyond <paramref name="maxCapacity"/>, so one huge article does not pin it.</summary>
    public void Trim(int maxCapacity, int capacity)
    {
        _length = 0;
        if (_chars.Length > maxCapacity)
        {
            _chars = new char[capacity];
        }
    }

    public override string ToString() => AsSpan().ToString();

    private void EnsureRoom(int count)
    {
        if (count > _chars.Length - _length)
        {
            Grow(count);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int count)
    {
        var needed = (long)_length + count;
        var size = Math.Max(needed, Math.Min((long)_chars.Length * 2, Array.MaxLength));
        if (size > Array.MaxLength)
        {
            throw new OutOfMemoryException();
        }
        var chars = GC.AllocateUninitializedArray<char>((int)size);
        _chars.AsSpan(0, _length).CopyTo(chars);
        _chars = chars;
    }
}
