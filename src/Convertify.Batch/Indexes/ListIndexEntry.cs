namespace Convertify.Batch.Indexes;

/// <summary>One line of an archive index page: <c>M-D [title](/articles/site/id.md)</c>.</summary>
/// <param name="ListPath">The index page's relative path.</param>
/// <param name="Month">The month shown.</param>
/// <param name="Day">The day shown.</param>
/// <param name="Title">The title shown.</param>
/// <param name="Site">The site folder in the link (may differ in case or name from the archive's folder).</param>
/// <param name="Id">The numeric id in the link, without any <c>_title</c> suffix.</param>
internal sealed record ListIndexEntry(string ListPath, int Month, int Day, string Title, string Site, string Id);
