namespace Convertify.Archive.Feeds;

/// <summary>One item or entry as read from the feed, not yet mapped.</summary>
/// <param name="Element">The item's element, detached from the document.</param>
/// <param name="Channel">The feed's defaults as read up to this item.</param>
/// <param name="Base">The <c>xml:base</c> in scope where the item sits (the item's own is on <paramref name="Element"/>).</param>
internal sealed record FeedItem(System.Xml.Linq.XElement Element, FeedChannel Channel, Uri? Base);
