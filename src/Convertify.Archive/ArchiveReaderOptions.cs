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
    /// <summary>The nesting depth the walk follows as structure (at least 1).</summary>
    public int MaxNestingDepth { get; init; } = MaxNestingDepth >= 1 ? MaxNestingDepth : throw new ArgumentOutOfRangeException(nameof(MaxNestingDepth), "must be at least 1");

    /// <summary>The tag nesting accepted at all (at least 1).</summary>
    public int MaxMarkupDepth { get; init; } = MaxMarkupDepth >= 1 ? MaxMarkupDepth : throw new ArgumentOutOfRangeException(nameof(MaxMarkupDepth), "must be at least 1");

    /// <summary>The most body blocks an article may produce (at least 1).</summary>
    public int MaxBlocks { get; init; } = MaxBlocks >= 1 ? MaxBlocks : throw new ArgumentOutOfRangeException(nameof(MaxBlocks), "must be at least 1");

    /// <summary>The most HTML elements a body may hold (at least 1).</summary>
    public int MaxElements { get; init; } = MaxElements >= 1 ? MaxElements : throw new ArgumentOutOfRangeException(nameof(MaxElements), "must be at least 1");

    /// <summary>The default limits.</summary>
    public static ArchiveReaderOptions Default { get; } = new();
}
