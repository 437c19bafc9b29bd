using Convertify.Model;

namespace Convertify.Batch;

/// <summary>What a run keeps of one article after its outputs are written: enough for the catalogue row, duplicates and index checks.</summary>
/// <param name="RelativePath">The input's relative path.</param>
/// <param name="Article">The article without its body (the catalogue needs metadata and statistics only).</param>
/// <param name="ExportedFiles">Its outputs by format name, relative to the output folder.</param>
internal sealed record ArticleSummary(string RelativePath, Article Article, IReadOnlyDictionary<string, string> ExportedFiles);
