namespace Convertify.Model;

/// <summary>The snake_case names writers give a <see cref="DateSource"/> (<c>date_source</c> in front matter and the catalogue).</summary>
public static class DateSourceNames
{
    /// <summary>The name of <paramref name="source"/>: <c>body_with_zone</c>, <c>body_reconciled</c>, <c>body_date_only</c>, <c>info_card</c> or <c>feed_time</c>.</summary>
    public static string Of(DateSource source) => source switch
    {
        DateSource.BodyWithZone => "body_with_zone",
        DateSource.BodyReconciled => "body_reconciled",
        DateSource.BodyDateOnly => "body_date_only",
        DateSource.InfoCard => "info_card",
        _ => "feed_time",
    };
}
