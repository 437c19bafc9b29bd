namespace Convertify.Excel;

/// <summary>One Articles row: only the cell values, never the article body. <paramref name="Selected"/>: marked in the <c>select</c> column (kept by a merge).</summary>
internal sealed record ArticleRow(
    string Id,
    string SiteCode,
    string SiteName,
    string Title,
    string Url,
    DateTime PublishedLocal,
    TimeSpan PublishedOffset,
    string DateSource,
    DateTime FeedTimeUtc,
    string Authors,
    string OriginalSource,
    string? OriginalSourceUrl,
    string Tags,
    string Language,
    int Characters,
    int Paragraphs,
    int Images,
    int Links,
    string LeadImage,
    string Description,
    string ContentHash,
    int Warnings,
    string? Markdown,
    string? Word,
    bool Selected = false)
{
    /// <summary>The month (yyyy-MM) of the local publication date.</summary>
    public string Month => PublishedLocal.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
