namespace Convertify.Archive.Feeds;

/// <summary>The slugs given out in one feed: a repeated one gets <c>-2</c>, <c>-3</c>, … in document order.</summary>
internal sealed class FeedSlugRegistry
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public string Claim(string slug)
    {
        if (_taken.Add(slug))
        {
            return slug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
