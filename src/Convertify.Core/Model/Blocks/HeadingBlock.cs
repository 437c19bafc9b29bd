using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A section heading.</summary>
/// <param name="Level">1 to 6.</param>
/// <param name="Inlines">Its content.</param>
public sealed record HeadingBlock(int Level, ImmutableArray<Inline> Inlines) : Block
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(HeadingBlock? other) =>
        ReferenceEquals(this, other) || other is not null &&
        Level == other.Level &&
        ModelEquality.Equal(Inlines, other.Inlines);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Level, ModelEquality.Hash(Inlines));
}
