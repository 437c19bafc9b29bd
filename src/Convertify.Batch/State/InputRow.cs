using Convertify.Formats;

namespace Convertify.Batch.State;

/// <summary>What a worker hands the state's writer for one input.</summary>
/// <param name="Seq">The input's number, in the order the source gave them.</param>
/// <param name="Result">What was done.</param>
/// <param name="Summary">The article's summary, when it was read and its outputs are in place.</param>
/// <param name="Manifest">The input's new manifest entry, when its outputs were written.</param>
/// <param name="ForgetManifest">Its outputs were being rewritten and are not all in place: the old entry goes.</param>
/// <param name="IndexEntries">What an index page lists.</param>
internal sealed record InputRow(
    int Seq,
    BatchInputResult Result,
    ArticleSummary? Summary = null,
    ManifestEntry? Manifest = null,
    bool ForgetManifest = false,
    IReadOnlyList<IndexPageEntry>? IndexEntries = null);
