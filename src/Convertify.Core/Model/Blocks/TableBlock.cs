using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A table. Header rows come first and have <see cref="TableRow.IsHeader"/> set.</summary>
/// <param name="Rows">Its rows.</param>
/// <param name="Caption">Table caption, empty when none.</param>
public sealed record TableBlock(ImmutableArray<TableRow> Rows, string Caption = "") : Block
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(TableBlock? other) =>
        ReferenceEquals(this, other) || other is not null &&
        ModelEquality.Equal(Rows, other.Rows) &&
        string.Equals(Caption, other.Caption, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ModelEquality.Hash(Rows), Caption);
}
