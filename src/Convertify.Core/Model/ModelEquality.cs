using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>
/// The element-by-element comparison the model's records use for their <see cref="ImmutableArray{T}"/> members (whose own
/// equality is by reference). A default array equals an empty one.
/// </summary>
internal static class ModelEquality
{
    public static bool Equal<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        left.AsSpan().SequenceEqual(right.AsSpan(), EqualityComparer<T>.Default);

    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items.AsSpan())
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }
}
