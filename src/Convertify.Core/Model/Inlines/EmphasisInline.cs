using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>Emphasis (italic).</summary>
/// <param name="Inlines">Its content.</param>
public sealed record EmphasisInline(ImmutableArray<Inline> Inlines) : Inline;
