namespace Convertify.Model;

/// <summary>Where a published time came from: the archive's sources most trusted first, then those of other readers.</summary>
public enum DateSource
{
    /// <summary>A body date with an explicit zone or offset.</summary>
    BodyWithZone,
    /// <summary>A zone-less body date, its offset reconciled against the feed time.</summary>
    BodyReconciled,
    /// <summary>A body date without a time of day.</summary>
    BodyDateOnly,
    /// <summary>The publication date a site's info box states (CDT's archive card), to the day.</summary>
    InfoCard,
    /// <summary>No usable body date: the feed time.</summary>
    FeedTime,
    /// <summary>The date an RSS or Atom item states (<c>pubDate</c>, <c>published</c>, <c>updated</c>, <c>dc:date</c>).</summary>
    FeedItem,
    /// <summary>The <c>date</c> of a Markdown file's front matter.</summary>
    FrontMatter,
    /// <summary>No date at all: the value is the Unix epoch, a placeholder and not a claim.</summary>
    Unknown,
}
