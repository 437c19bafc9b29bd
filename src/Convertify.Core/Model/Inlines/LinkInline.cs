using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A hyperlink with an absolute http(s) or mailto URL.</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Inlines">The link text (never empty).</param>
/// <param name="Title">Title attribute, empty when none.</param>
public sealed record LinkInline(string Url, ImmutableArray<Inline> Inlines, string Title = "") : Inline
{
    /// <summary>Structural equality: equal members, arrays compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(LinkInline? other) =>
        ReferenceEquals(this, other) || other is not null &&
        string.Equals(Url, other.Url, StringComparison.Ordinal) &&
        ModelEquality.Equal(Inlines, other.Inlines) &&
        string.Equals(Title, other.Title, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Url, ModelEquality.Hash(Inlines), Title);
}
