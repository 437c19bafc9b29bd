namespace Convertify.Model;

/// <summary>A hard line break inside a paragraph.</summary>
public sealed record LineBreakInline : Inline
{
    /// <summary>The single instance.</summary>
    public static LineBreakInline Instance { get; } = new();
}
