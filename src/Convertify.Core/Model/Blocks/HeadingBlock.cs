using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A section heading.</summary>
/// <param name="Level">1 to 6.</param>
/// <param name="Inlines">Its content.</param>
public sealed record HeadingBlock(int Level, ImmutableArray<Inline> Inlines) : Block;
