using System.Text;

namespace Convertify.Batch.State;

/// <summary>
/// A path as a sort key for SQLite: its UTF-16 code units big-endian, so that SQLite's byte order on it is
/// <see cref="string.CompareOrdinal(string, string)"/>'s. Ordering the text itself would be code point order, which
/// differs where a character above U+FFFF meets one from U+E000 to U+FFFF; a collation of our own would cost a call
/// into .NET for every comparison of every sort.
/// </summary>
internal static class OrdinalKey
{
    public static byte[] Of(string path) => Encoding.BigEndianUnicode.GetBytes(path);
}
