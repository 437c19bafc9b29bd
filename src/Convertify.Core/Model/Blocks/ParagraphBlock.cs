using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A paragraph of inline content.</summary>
/// <param name="Inlines">Its content.</param>
public sealed record ParagraphBlock(ImmutableArray<Inline> Inlines) : Block;
