using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A block quotation.</summary>
/// <param name="Blocks">Its content.</param>
public sealed record QuoteBlock(ImmutableArray<Block> Blocks) : Block
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(QuoteBlock? other) => ReferenceEquals(this, other) || other is not null && ModelEquality.Equal(Blocks, other.Blocks);

    /// <inheritdoc />
    public override int GetHashCode() => ModelEquality.Hash(Blocks);
}
