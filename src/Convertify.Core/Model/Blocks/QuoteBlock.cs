using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A block quotation.</summary>
/// <param name="Blocks">Its content.</param>
public sealed record QuoteBlock(ImmutableArray<Block> Blocks) : Block;
