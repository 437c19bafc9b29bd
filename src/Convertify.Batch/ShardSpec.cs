using System.Globalization;
using System.Text;

namespace Convertify.Batch;

/// <summary>
/// One slice of an archive: shard <see cref="Index"/> of <see cref="Count"/> (1-based, <c>2/4</c>).
/// An input belongs to the shard whose number is <c>FNV-1a-64(relative path) mod Count + 1</c>, so the
/// slices are disjoint, cover everything, and are the same on every machine.
/// </summary>
/// <param name="Index">The shard, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards there are.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>K/N</c> with 1 &lt;= K &lt;= N.</summary>
    /// <exception cref="FormatException">The text is not a valid shard.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 &&
            int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
            int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) &&
            count >= 1 && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }
        throw new FormatException($"'{text}' is not a shard: use K/N with 1 <= K <= N, e.g. 1/4");
    }

    /// <summary>True when the input with this relative path belongs to this shard.</summary>
    public bool Contains(string relativePath) => ShardOf(relativePath, Count) == Index;

    /// <summary>The 1-based shard of <paramref name="relativePath"/> among <paramref name="count"/> shards.</summary>
    public static int ShardOf(string relativePath, int count)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return (int)(Fnv1a64(relativePath) % (ulong)count) + 1;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    private static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
