using System.Text;

namespace Convertify.Robustness.Tests.Support;

/// <summary>
/// Byte- and markup-level mutations of real inputs: flips, insertions, deletions, tag deletion and duplication,
/// deep nesting, truncated entities, huge attributes, splices of other inputs and truncation.
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] Insertions =
    [
        [0x00], [0xFF], [0xC0], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x80, 0xA8], [0x0D],
        "&#x1F60"u8.ToArray(), "&am"u8.ToArray(), "&#"u8.ToArray(), "&#xD800;"u8.ToArray(), "<"u8.ToArray(), ">"u8.ToArray(),
        "</div>"u8.ToArray(), "<table>"u8.ToArray(), "<li>"u8.ToArray(), "<script>"u8.ToArray(), "<!--"u8.ToArray(), "\n------\n"u8.ToArray(),
        "<img src=\"javascript:alert(1)\" onerror=\"alert(1)\">"u8.ToArray(), "<a href=\"javascript:alert(1)\">x</a>"u8.ToArray(),
        "\n---\n"u8.ToArray(), "](javascript:x)"u8.ToArray(), "<!--9999999999999999999-->"u8.ToArray(),
    ];

    public static byte[] Mutate(byte[] input, IReadOnlyList<byte[]> others, Random random)
    {
        var data = new List<byte>(input);
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            Apply(data, others, random);
        }
        return data.ToArray();
    }

    private static void Apply(List<byte> data, IReadOnlyList<byte[]> others, Random random)
    {
        // Structural edits start and end on UTF-8 character boundaries; byte flips (cases 0, 10) break encodings on purpose.
        var at = Align(data, data.Count == 0 ? 0 : random.Next(data.Count));
        switch (random.Next(16))
        {
            case 0:
                if (data.Count > 0) data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data.InsertRange(at, Insertions[random.Next(Insertions.Length)]);
                break;
            case 2:
                data.RemoveRange(at, Align(data, Math.Min(data.Count, at + random.Next(1, 200))) - at);
                break;
            case 3:
            {
                var length = Align(data, Math.Min(data.Count, at + random.Next(1, 2000))) - at;
                var copy = data.GetRange(at, length);
                data.InsertRange(Align(data, random.Next(data.Count + 1)), copy);
                break;
            }
            case 4:
                DeleteTag(data, at);
                break;
            case 5:
                DuplicateTag(data, at, random.Next(2, 300));
                break;
            case 6:
            {
                var depth = random.Next(10, 2500);
                var tag = random.Next(4) switch { 0 => "div", 1 => "li", 2 => "blockquote", _ => "span" };
                data.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"<{tag}>", depth))));
                break;
            }
            case 7:
            {
                var tagAt = data.IndexOf((byte)'<', at);
                var end = tagAt < 0 ? -1 : data.IndexOf((byte)' ', tagAt);
                var position = end < 0 ? at : end;
                data.InsertRange(position, Encoding.UTF8.GetBytes($" data-src=\"{new string('x', random.Next(1000, 300_000))}\" "));
                break;
            }
            case 8:
                if (others.Count > 0)
                {
                    var other = others[random.Next(others.Count)];
                    if (other.Length > 0)
                    {
                        var from = Align(other, random.Next(other.Length));
                        var to = Align(other, Math.Min(other.Length, from + random.Next(1, 4000)));
                        data.InsertRange(at, other.AsSpan(from, to - from).ToArray());
                    }
                }
                break;
            case 9:
                if (data.Count > 0) data.RemoveRange(at, data.Count - at);
                break;
            case 10:
                for (var i = 0; i < 8 && data.Count > 0; i++)
                {
                    data[random.Next(data.Count)] = (byte)random.Next(256);
                }
                break;
            default:
                data.InsertRange(at, Insertions[random.Next(Insertions.Length)]);
                break;
        }
    }

    private static int Align(IReadOnlyList<byte> data, int at)
    {
        while (at < data.Count && (data[at] & 0xC0) == 0x80)
        {
            at++;
        }
        return at;
    }

    private static void DeleteTag(List<byte> data, int from)
    {
        var start = data.IndexOf((byte)'<', from);
        if (start < 0) return;
        var end = data.IndexOf((byte)'>', start);
        if (end < 0) return;
        data.RemoveRange(start, end - start + 1);
    }

    private static void DuplicateTag(List<byte> data, int from, int times)
    {
        var start = data.IndexOf((byte)'<', from);
        if (start < 0) return;
        var end = data.IndexOf((byte)'>', start);
        if (end < 0 || end - start > 500) return;
        var tag = data.GetRange(start, end - start + 1);
        var copies = new List<byte>(tag.Count * times);
        for (var i = 0; i < times; i++) copies.AddRange(tag);
        data.InsertRange(start, copies);
    }
}
