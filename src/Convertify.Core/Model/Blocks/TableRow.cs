using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A table row.</summary>
/// <param name="Cells">Its cells.</param>
/// <param name="IsHeader">True for a header row.</param>
public sealed record TableRow(ImmutableArray<TableCell> Cells, bool IsHeader);
