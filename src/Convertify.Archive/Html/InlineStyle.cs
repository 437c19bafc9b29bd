namespace Convertify.Archive.Html;

/// <summary>What an element's inline style says about its weight or slant.</summary>
internal enum InlineStyle
{
    Unspecified,
    Normal,
    Bold,
    Italic,
}
