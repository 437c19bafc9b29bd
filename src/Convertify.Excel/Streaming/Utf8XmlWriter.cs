using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Convertify.Excel;

/// <summary>
/// A minimal buffered UTF-8 XML writer for the streamed sheet parts: raw markup, escaped text and attribute values,
/// numbers. It writes no more than it is told, so element order and validity are its callers' business.
/// </summary>
internal sealed class Utf8XmlWriter : IDisposable
{
    private const int BufferSize = 1 << 16;
    // Enough for any number or the longest entity.
    private const int Reserve = 64;

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("&<>_");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("&<>\"\t\n\r");

    private readonly Stream _output;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _position;

    public Utf8XmlWriter(Stream output) => _output = output;

    /// <summary>Markup given as UTF-8 bytes, written as is.</summary>
    public void Raw(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _buffer.Length - _position)
        {
            Flush();
            if (utf8.Length > _buffer.Length)
            {
                _output.Write(utf8);
                return;
            }
        }
        utf8.CopyTo(_buffer.AsSpan(_position));
        _position += utf8.Length;
    }

    /// <summary>Markup given as a string (already well-formed XML), written as is.</summary>
    public void Raw(string markup) => Encode(markup);

    /// <summary>Element content: <c>&amp; &lt; &gt;</c> become entities, and text that reads like Excel's <c>_xHHHH_</c>
    /// escape gets its underscore escaped (<c>_x005F_</c>) so that it stays literal.</summary>
    public void Text(string text)
    {
        var rest = text.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(TextSpecials);
            if (i < 0)
            {
                Encode(rest);
                return;
            }
            Encode(rest[..i]);
            switch (rest[i])
            {
                case '&': Raw("&amp;"u8); break;
                case '<': Raw("&lt;"u8); break;
                case '>': Raw("&gt;"u8); break;
                default:
                    if (IsExcelEscape(rest[i..]))
                    {
                        Raw("_x005F"u8);
                    }
                    Raw("_"u8);
                    break;
            }
            rest = rest[(i + 1)..];
        }
    }

    /// <summary>An attribute value (the caller writes the quotes): markup characters and line ends become character references.</summary>
    public void Attribute(string value)
    {
        var rest = value.AsSpan();
        while (true)
        {
            var i = rest.IndexOfAny(AttributeSpecials);
            if (i < 0)
            {
                Encode(rest);
                return;
            }
            Encode(rest[..i]);
            Raw(rest[i] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '"' => "&quot;"u8,
                '\t' => "&#9;"u8,
                '\n' => "&#10;"u8,
                _ => "&#13;"u8,
            });
            rest = rest[(i + 1)..];
        }
    }

    public void Number(int value)
    {
        Ensure(Reserve);
        value.TryFormat(_buffer.AsSpan(_position), out var written, default, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>The shortest text that reads back as the same double.</summary>
    public void Number(double value)
    {
        Ensure(Reserve);
        value.TryFormat(_buffer.AsSpan(_position), out var written, "R", CultureInfo.InvariantCulture);
        _position += written;
    }

    public void Flush()
    {
        if (_position > 0)
        {
            _output.Write(_buffer, 0, _position);
            _position = 0;
        }
    }

    public void Dispose()
    {
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    /// <summary>True for <c>_xHHHH_</c> (four hex digits), which Excel reads as an escaped character.</summary>
    private static bool IsExcelEscape(ReadOnlySpan<char> text) =>
        text.Length >= 7 && text[1] == 'x' && char.IsAsciiHexDigit(text[2]) && char.IsAsciiHexDigit(text[3]) &&
        char.IsAsciiHexDigit(text[4]) && char.IsAsciiHexDigit(text[5]) && text[6] == '_';

    private void Encode(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (_buffer.Length - _position < Reserve)
            {
                Flush();
            }
            // Lone surrogates (which the cell text cleaning already removed) would become U+FFFD rather than throw.
            var status = Utf8.FromUtf16(text, _buffer.AsSpan(_position), out var read, out var written);
            _position += written;
            text = text[read..];
            if (status == OperationStatus.DestinationTooSmall)
            {
                Flush();
            }
        }
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _position < bytes)
        {
            Flush();
        }
    }
}
