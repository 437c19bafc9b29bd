namespace Convertify.Archive.Header;

/// <summary>The frame of an archive article: feed time, title, URL and the body HTML.</summary>
internal sealed record ArticleHeader(DateTimeOffset FeedTime, string Title, string Url, string BodyHtml, bool TitleWasSplit);
