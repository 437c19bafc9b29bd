using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Convertify.Errors;

namespace Convertify.Archive.Header;

/// <summary>Turns input bytes into text, refusing empty, binary and invalid UTF-8 input with a clear message.</summary>
internal static class ArchiveTextDecoder
{
    /// <summary>The bytes without a byte order mark; refuses empty and binary input.</summary>
    public static ReadOnlySpan<byte> Check(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        if (bytes.IsEmpty || bytes.IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            throw new ArticleFormatException(path, FormatProblem.Empty, "the file is empty");
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new ArticleFormatException(path, FormatProblem.Binary, $"binary content (NUL byte at offset {nul}), not an archive article");
        }
        return bytes;
    }

    /// <summary>Decodes <paramref name="part"/>, a slice of the <see cref="Check"/>ed <paramref name="whole"/>; an invalid byte is reported at its offset in the whole.</summary>
    public static string DecodePart(string path, ReadOnlySpan<byte> whole, ReadOnlySpan<byte> part)
    {
        // One validating pass into a pooled buffer (never more UTF-16 units than UTF-8 bytes), then a copy: the encoding's
        // GetString would count the characters in a validating pass of its own before transcoding.
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, part.Length));
        try
        {
            if (Utf8.ToUtf16(part, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                return new string(buffer, 0, written);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        var offset = FirstInvalidOffset(whole);
        throw new ArticleFormatException(path, FormatProblem.InvalidEncoding, $"not valid UTF-8 (invalid byte 0x{whole[offset]:X2} at offset {offset})");
    }

    private static int FirstInvalidOffset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return Math.Max(0, bytes.Length - 1);
    }
}
