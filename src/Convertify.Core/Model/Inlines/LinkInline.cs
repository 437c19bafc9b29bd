using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>A hyperlink with an absolute http(s) or mailto URL.</summary>
/// <param name="Url">Absolute URL.</param>
/// <param name="Inlines">The link text (never empty).</param>
/// <param name="Title">Title attribute, empty when none.</param>
public sealed record LinkInline(string Url, ImmutableArray<Inline> Inlines, string Title = "") : Inline;
