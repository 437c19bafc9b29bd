namespace Convertify.Model;

/// <summary>The snake_case names writers give a <see cref="DateSource"/> (<c>date_source</c> in front matter and the catalogue).</summary>
public static class DateSourceNames
{
    /// <summary>
    /// The name of <paramref name="source"/>: <c>body_with_zone</c>, <c>body_reconciled</c>, <c>body_date_only</c>,
    /// <c>info_card</c>, <c>feed_time</c>, <c>feed_item</c>, <c>front_matter</c> or <c>unknown</c>.
    /// </summary>
    public static string Of(DateSource source) => source switch
    {
        DateSource.BodyWithZone => "body_with_zone",
        DateSource.BodyReconciled => "body_reconciled",
        DateSource.BodyDateOnly => "body_date_only",
        DateSource.InfoCard => "info_card",
        DateSource.FeedItem => "feed_item",
        DateSource.FrontMatter => "front_matter",
        DateSource.Unknown => "unknown",
        _ => "feed_time",
    };

    /// <summary>The source named <paramref name="name"/> (as <see cref="Of"/> writes it, case-sensitive); false for any other text.</summary>
    public static bool TryParse(string? name, out DateSource source)
    {
        foreach (var candidate in Enum.GetValues<DateSource>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                source = candidate;
                return true;
            }
        }
        source = default;
        return false;
    }
}
