namespace Convertify.Archive;

/// <summary>Limits and choices for <see cref="ArchiveArticleReader"/>.</summary>
/// <param name="MaxNestingDepth">
/// Deepest element nesting the reader follows as structure. Content nested deeper is kept as plain text of the
/// element at the limit, with a <c>limit.depth</c> warning.
/// </param>
/// <param name="MaxMarkupDepth">
/// Deepest tag nesting (estimated from the text before parsing) accepted at all; deeper input is refused as
/// <see cref="Errors.FormatProblem.LimitExceeded"/>, because parsing it would take minutes.
/// </param>
/// <param name="MaxBlocks">Most body blocks an article may produce; more is refused as <see cref="Errors.FormatProblem.LimitExceeded"/>.</param>
/// <param name="MaxElements">Most HTML elements a body may hold; more is refused as <see cref="Errors.FormatProblem.LimitExceeded"/>.</param>
public sealed record ArchiveReaderOptions(int MaxNestingDepth = 200, int MaxMarkupDepth = 2_000, int MaxBlocks = 200_000, int MaxElements = 2_000_000)
{
    /// <summary>The default limits.</summary>
    public static ArchiveReaderOptions Default { get; } = new();
}
