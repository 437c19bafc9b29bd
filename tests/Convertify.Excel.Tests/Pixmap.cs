using System.Globalization;
using System.Text;

namespace Convertify.Excel.Tests;

/// <summary>An RGB image read from a binary PPM (<c>P6</c>, 8 bits per channel), what <c>pdftoppm</c> writes by default.</summary>
internal sealed class Pixmap(int width, int height, byte[] rgb)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    public (byte R, byte G, byte B) this[int x, int y] => (rgb[3 * (y * Width + x)], rgb[3 * (y * Width + x) + 1], rgb[3 * (y * Width + x) + 2]);

    /// <summary>How many pixels of the rectangle are coloured: their channels differ by more than <paramref name="tolerance"/> (grey, black and white do not).</summary>
    public int CountColoured(int x0, int y0, int x1, int y1, int tolerance = 20)
    {
        var count = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
            {
                var (r, g, b) = this[x, y];
                if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > tolerance) count++;
            }
        }
        return count;
    }

    public static Pixmap Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[at]) || bytes[at] == '#')
            {
                if (bytes[at] == '#') while (bytes[at] != '\n') at++;
                at++;
            }
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at])) at++;
            return Encoding.ASCII.GetString(bytes, start, at - start);
        }
        if (Token() != "P6") throw new InvalidDataException(path + " is not a binary PPM");
        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        if (Token() != "255") throw new InvalidDataException(path + ": only 8-bit PPM is read");
        at++; // the single white space after the maximum value
        return new Pixmap(width, height, bytes.AsSpan(at, 3 * width * height).ToArray());
    }
}
