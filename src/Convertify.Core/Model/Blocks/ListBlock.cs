using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>An ordered or unordered list; items may hold nested lists.</summary>
/// <param name="Ordered">True for a numbered list.</param>
/// <param name="Items">Its items.</param>
/// <param name="Start">First number of an ordered list.</param>
public sealed record ListBlock(bool Ordered, ImmutableArray<ListItem> Items, int Start = 1) : Block
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(ListBlock? other) =>
        ReferenceEquals(this, other) || other is not null &&
        Ordered == other.Ordered &&
        ModelEquality.Equal(Items, other.Items) &&
        Start == other.Start;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Ordered, ModelEquality.Hash(Items), Start);
}
