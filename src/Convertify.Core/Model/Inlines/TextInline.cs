namespace Convertify.Model;

/// <summary>Plain text, entities decoded and whitespace collapsed.</summary>
/// <param name="Text">The text.</param>
public sealed record TextInline(string Text) : Inline;
