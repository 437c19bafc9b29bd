namespace Convertify.Model;

/// <summary>Where a published time came from, most trusted first.</summary>
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
}
