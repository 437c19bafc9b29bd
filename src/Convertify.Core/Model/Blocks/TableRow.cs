using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A table row.</summary>
/// <param name="Cells">Its cells.</param>
/// <param name="IsHeader">True for a header row.</param>
public sealed record TableRow(ImmutableArray<TableCell> Cells, bool IsHeader)
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(TableRow? other) =>
        ReferenceEquals(this, other) || other is not null &&
        ModelEquality.Equal(Cells, other.Cells) &&
        IsHeader == other.IsHeader;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ModelEquality.Hash(Cells), IsHeader);
}
