using Convertify.Formats;

namespace Convertify.Batch.State;

/// <summary>What a worker hands the state's writer for one input.</summary>
/// <param name="Seq">The input's number, in the order the source gave them.</param>
/// <param name="Result">What was done.</param>
/// <param name="Summary">The article's summary, when it was read and its outputs are in place.</param>
/// <param name="Manifest">The input's new manifest entry, when its outputs were written.</param>
/// <param name="ForgetManifest">Its outputs were being rewritten and are not all in place: the old entry goes.</param>
/// <param name="IndexEntries">What an index page lists.</param>
/// <param name="Item">For an input that holds many articles, the row's number within it (the articles in order, then its failure).</param>
/// <param name="GroupPath">
/// For an input that holds many articles, its path: its rows sort together after it in the order they come, its outputs
/// are named per article, and its manifest entry is kept under this path.
/// </param>
internal sealed record InputRow(
    int Seq,
    BatchInputResult Result,
    ArticleSummary? Summary = null,
    ManifestEntry? Manifest = null,
    bool ForgetManifest = false,
    IReadOnlyList<IndexPageEntry>? IndexEntries = null,
    int Item = 0,
    string? GroupPath = null)
{
    /// <summary>The row's key in the state database: the input's number, then the row's within the input.</summary>
    public long Key => ((long)Seq << 32) | (uint)Item;

    /// <summary>Whether the row is an article of an input that holds many (its outputs are named per article).</summary>
    public bool IsItem => GroupPath is not null && Result.Path != GroupPath;
}
