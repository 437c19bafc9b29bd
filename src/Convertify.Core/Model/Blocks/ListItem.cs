using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>One list item: its blocks (usually one paragraph, maybe a nested list).</summary>
/// <param name="Blocks">Its content.</param>
public sealed record ListItem(ImmutableArray<Block> Blocks)
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(ListItem? other) => ReferenceEquals(this, other) || other is not null && ModelEquality.Equal(Blocks, other.Blocks);

    /// <inheritdoc />
    public override int GetHashCode() => ModelEquality.Hash(Blocks);
}
