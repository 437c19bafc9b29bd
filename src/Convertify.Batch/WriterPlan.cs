using Convertify.Formats;

namespace Convertify.Batch;

/// <summary>The writers a run uses, sorted by format name, their output extensions, the catalogue writer, and the hash of what shapes the outputs.</summary>
internal sealed record WriterPlan(IReadOnlyList<IArticleWriter> Writers, string[] Extensions, ICatalogWriter? CatalogWriter, string OptionsHash);
