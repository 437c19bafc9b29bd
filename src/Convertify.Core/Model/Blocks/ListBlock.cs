using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>An ordered or unordered list; items may hold nested lists.</summary>
/// <param name="Ordered">True for a numbered list.</param>
/// <param name="Items">Its items.</param>
/// <param name="Start">First number of an ordered list.</param>
public sealed record ListBlock(bool Ordered, ImmutableArray<ListItem> Items, int Start = 1) : Block;
