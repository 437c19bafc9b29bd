using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>Emphasis (italic).</summary>
/// <param name="Inlines">Its content.</param>
public sealed record EmphasisInline(ImmutableArray<Inline> Inlines) : Inline
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(EmphasisInline? other) =>
        ReferenceEquals(this, other) || other is not null &&
        ModelEquality.Equal(Inlines, other.Inlines);

    /// <inheritdoc />
    public override int GetHashCode() => ModelEquality.Hash(Inlines);
}
