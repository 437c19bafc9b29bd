using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>Where converted blocks go: a block list and the paragraph being built.</summary>
internal sealed class BlockContext
{
    public List<Block> Blocks { get; } = [];

    public InlineBuilder Inline { get; } = new();

    /// <summary>Index in <see cref="Blocks"/> of a figure still open for a following caption, or -1.</summary>
    public int FigureAwaitingCaption { get; set; } = -1;
}
