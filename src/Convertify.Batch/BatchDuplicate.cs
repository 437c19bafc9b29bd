namespace Convertify.Batch;

/// <summary>Inputs that are the same article: the same original URL or the same content hash. All of them are kept.</summary>
/// <param name="Kind"><c>url</c> or <c>content</c>.</param>
/// <param name="Key">The shared URL or content hash.</param>
/// <param name="Paths">The inputs' relative paths, sorted; the first is the one the others are duplicates of.</param>
public sealed record BatchDuplicate(string Kind, string Key, IReadOnlyList<string> Paths);
