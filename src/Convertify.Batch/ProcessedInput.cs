using Convertify.Batch.State;
using Convertify.Model;

namespace Convertify.Batch;

/// <summary>
/// One input processed: the row for the state database, for the catalogue the article and its files by format when it
/// was converted or is unchanged, and the filter that left it out, if one did.
/// </summary>
internal sealed record ProcessedInput(InputRow Row, Article? Article = null, IReadOnlyDictionary<string, string>? Files = null, BatchFilter? Filter = null);
