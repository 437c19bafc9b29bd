using System.Collections.Immutable;

namespace Convertify.Model;

/// <summary>Metadata of one article.</summary>
/// <param name="Id">Archive id, <c>site/id</c> when the path shows it, else the file name.</param>
/// <param name="SourcePath">The path the article was read from, as given to the reader (null for in-memory input).</param>
/// <param name="Site">The publishing site.</param>
/// <param name="Title">The archive's title, trimmed, otherwise exactly as given.</param>
/// <param name="OriginalUrl">The article's original URL.</param>
/// <param name="Published">When the article was published, and how that was determined.</param>
/// <param name="FeedTime">When the feed saw the article (line 1 of the file).</param>
/// <param name="Authors">Author names when the date line names them.</param>
/// <param name="Language">BCP 47 language tag: <c>zh-Hans</c>, <c>zh-Hant</c>, <c>en</c>, ….</param>
/// <param name="Description">First real paragraph, trimmed at a sentence boundary to about 160 characters.</param>
/// <param name="LeadImage">URL of the first figure, if any.</param>
/// <param name="OriginalSource">The outlet or account the article was first published by, when the archive names one (CDT's card does).</param>
/// <param name="Tags">Topic tags the archive gives the article, in its order (empty when none).</param>
public sealed record ArticleMetadata(
    string Id,
    string? SourcePath,
    SiteInfo Site,
    string Title,
    string OriginalUrl,
    PublishedTime Published,
    DateTimeOffset FeedTime,
    ImmutableArray<string> Authors,
    string Language,
    string Description,
    string? LeadImage,
    OriginalSource? OriginalSource = null,
    ImmutableArray<string> Tags = default)
{
    /// <summary>Structural equality: equal members, <see cref="Authors"/> and <see cref="Tags"/> compared element by element.</summary>
    /// <param name="other">The record to compare with.</param>
    public bool Equals(ArticleMetadata? other) =>
        ReferenceEquals(this, other) || other is not null &&
        string.Equals(Id, other.Id, StringComparison.Ordinal) &&
        string.Equals(SourcePath, other.SourcePath, StringComparison.Ordinal) &&
        Site == other.Site &&
        string.Equals(Title, other.Title, StringComparison.Ordinal) &&
        string.Equals(OriginalUrl, other.OriginalUrl, StringComparison.Ordinal) &&
        Published == other.Published &&
        FeedTime.Equals(other.FeedTime) &&
        ModelEquality.Equal(Authors, other.Authors) &&
        string.Equals(Language, other.Language, StringComparison.Ordinal) &&
        string.Equals(Description, other.Description, StringComparison.Ordinal) &&
        string.Equals(LeadImage, other.LeadImage, StringComparison.Ordinal) &&
        OriginalSource == other.OriginalSource &&
        ModelEquality.Equal(Tags, other.Tags);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Title, OriginalUrl, FeedTime, Description);
}
