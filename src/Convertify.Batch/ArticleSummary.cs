using Convertify.Model;

namespace Convertify.Batch;

/// <summary>What a run keeps of one article after its outputs are written: enough for the duplicate groups and the index cross-check.</summary>
/// <param name="RelativePath">The input's relative path.</param>
/// <param name="Article">The article reduced to its title, dates, URL and statistics.</param>
internal sealed record ArticleSummary(string RelativePath, Article Article);
