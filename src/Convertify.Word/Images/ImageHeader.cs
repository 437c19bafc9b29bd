using System.Buffers.Binary;

namespace Convertify.Word;

/// <summary>Reads an image's format and pixel size from its header bytes (PNG, JPEG, GIF; WebP recognised only).</summary>
internal static class ImageHeader
{
    /// <summary>The format of <paramref name="data"/>, from its signature.</summary>
    public static ImageFormat Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 8 && data[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }
        if (data.Length >= 6 && data[..3].SequenceEqual("GIF"u8) && (data[3..6].SequenceEqual("87a"u8) || data[3..6].SequenceEqual("89a"u8)))
        {
            return ImageFormat.Gif;
        }
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        return ImageFormat.Unknown;
    }

    /// <summary>The pixel size of a PNG, JPEG or GIF; false when the header is missing, truncated or holds a zero size.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> data, ImageFormat format, out int width, out int height)
    {
        width = height = 0;
        switch (format)
        {
            case ImageFormat.Png when data.Length >= 24 && data[12..16].SequenceEqual("IHDR"u8):
                width = ClampToInt(BinaryPrimitives.ReadUInt32BigEndian(data[16..]));
                height = ClampToInt(BinaryPrimitives.ReadUInt32BigEndian(data[20..]));
                break;
            case ImageFormat.Gif when data.Length >= 10:
                width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
                height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
                break;
            case ImageFormat.Jpeg:
                ReadJpegSize(data, out width, out height);
                break;
        }
        return width > 0 && height > 0;
    }

    private static int ClampToInt(uint value) => value > int.MaxValue ? 0 : (int)value;

    // Walks the marker segments to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC), which holds the size.
    private static void ReadJpegSize(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF)
            {
                return;
            }
            var marker = data[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            if (length < 2)
            {
                return;
            }
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 9 > data.Length)
                {
                    return;
                }
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return;
            }
            i += 2 + length;
        }
    }
}
