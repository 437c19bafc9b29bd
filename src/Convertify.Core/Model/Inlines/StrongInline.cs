using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>Strong importance (bold).</summary>
/// <param name="Inlines">Its content.</param>
public sealed record StrongInline(ImmutableArray<Inline> Inlines) : Inline;
