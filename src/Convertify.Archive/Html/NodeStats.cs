namespace Convertify.Archive.Html;

/// <summary>Facts about an element's subtree used to recognise figure wrappers.</summary>
/// <param name="TextLength">Visible non-space characters, counted up to <see cref="TextLengthCap"/>.</param>
/// <param name="Images">Distinct real images.</param>
/// <param name="FirstImage">URL of the first real image.</param>
/// <param name="TextBeforeImage">Visible text precedes the first image.</param>
/// <param name="Blocks">Paragraph-like descendants (p, headings, list items, quotes, tables).</param>
internal readonly record struct NodeStats(int TextLength, int Images, string? FirstImage, bool TextBeforeImage, int Blocks)
{
    /// <summary>Where counting stops: the converter only asks whether a subtree has text and whether it has more than a caption's worth.</summary>
    public const int TextLengthCap = 1024;
}
