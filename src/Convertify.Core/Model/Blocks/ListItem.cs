using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>One list item: its blocks (usually one paragraph, maybe a nested list).</summary>
/// <param name="Blocks">Its content.</param>
public sealed record ListItem(ImmutableArray<Block> Blocks);
