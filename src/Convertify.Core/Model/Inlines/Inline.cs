namespace Convertify.Model;

/// <summary>Inline content. The set of inline kinds is closed: writers switch over it.</summary>
public abstract record Inline;
