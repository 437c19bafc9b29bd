using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A table cell with inline content.</summary>
/// <param name="Inlines">Its content.</param>
/// <param name="ColumnSpan">Columns spanned (1 when not spanned).</param>
/// <param name="RowSpan">Rows spanned (1 when not spanned).</param>
public sealed record TableCell(ImmutableArray<Inline> Inlines, int ColumnSpan = 1, int RowSpan = 1)
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(TableCell? other) =>
        ReferenceEquals(this, other) || other is not null &&
        ModelEquality.Equal(Inlines, other.Inlines) &&
        ColumnSpan == other.ColumnSpan &&
        RowSpan == other.RowSpan;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ModelEquality.Hash(Inlines), ColumnSpan, RowSpan);
}
