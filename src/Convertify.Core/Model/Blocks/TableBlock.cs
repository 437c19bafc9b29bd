using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A table. Header rows come first and have <see cref="TableRow.IsHeader"/> set.</summary>
/// <param name="Rows">Its rows.</param>
/// <param name="Caption">Table caption, empty when none.</param>
public sealed record TableBlock(ImmutableArray<TableRow> Rows, string Caption = "") : Block;
