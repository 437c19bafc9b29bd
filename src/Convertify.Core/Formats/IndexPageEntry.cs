namespace Convertify.Formats;

/// <summary>One article listed by an archive index page.</summary>
/// <param name="ListPath">The index page's relative path.</param>
/// <param name="Month">The month shown.</param>
/// <param name="Day">The day shown.</param>
/// <param name="Title">The title shown.</param>
/// <param name="Site">The site folder in the link (may differ in case or name from the archive's folder).</param>
/// <param name="Id">The article's id in the link (see <see cref="IIndexPageReader.ArticleId"/>).</param>
public sealed record IndexPageEntry(string ListPath, int Month, int Day, string Title, string Site, string Id);
