namespace Convertify.Batch;

/// <summary>What happened to one input of a batch run.</summary>
/// <param name="Path">The input's sanitized relative path (<c>articles/voa/1008880.md</c>), or the raw entry name when it was refused.</param>
/// <param name="Status">What was done.</param>
/// <param name="Reason">Why, for everything but a plain conversion: the error, the filter, "unchanged since the last run".</param>
/// <param name="Id">The article's id when it was read.</param>
/// <param name="Outputs">Files written (or kept, when unchanged), relative to the output folder.</param>
/// <param name="Warnings">Disagreements found (e.g. an index page's title differs from the article's) and reader warnings count.</param>
/// <param name="DuplicateOf">The first input (by path) with the same URL or the same content, when this one repeats it.</param>
public sealed record BatchInputResult(
    string Path,
    BatchStatus Status,
    string? Reason = null,
    string? Id = null,
    IReadOnlyList<string>? Outputs = null,
    IReadOnlyList<string>? Warnings = null,
    string? DuplicateOf = null);
