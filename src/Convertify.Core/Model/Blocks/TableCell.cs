using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A table cell with inline content.</summary>
/// <param name="Inlines">Its content.</param>
/// <param name="ColumnSpan">Columns spanned (1 when not spanned).</param>
/// <param name="RowSpan">Rows spanned (1 when not spanned).</param>
public sealed record TableCell(ImmutableArray<Inline> Inlines, int ColumnSpan = 1, int RowSpan = 1);
