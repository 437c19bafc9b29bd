namespace Convertify.Model;

/// <summary>Facts derived from an article's body.</summary>
/// <param name="Characters">CJK-aware length: ideographs and other CJK characters count one each, plus one per Latin word or number.</param>
/// <param name="Paragraphs">Number of paragraph blocks, at any depth.</param>
/// <param name="Images">Number of figures.</param>
/// <param name="Links">Number of links in the body plus related links.</param>
/// <param name="ContentHash">Hex SHA-256 of the normalised body text (first 16 bytes).</param>
public sealed record ArticleStatistics(int Characters, int Paragraphs, int Images, int Links, string ContentHash);
