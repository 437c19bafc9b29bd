using Convertify.Archive.Dates;
using Convertify.Model;

namespace Convertify.Archive.Sites;

/// <summary>The facts one <see cref="InfoBox"/> stated; whatever it did not state stays null or empty.</summary>
internal sealed class InfoBoxFacts
{
    public BodyDate? Published { get; set; }

    public OriginalSource? Source { get; set; }

    public List<string> Authors { get; } = [];

    public List<string> Tags { get; } = [];

    /// <summary>
    /// What of the box is kept, for the warning: <c>date, source, author and 2 tags</c>; null when nothing is.
    /// </summary>
    public string? Describe()
    {
        var kept = new List<string>(4);
        if (Published is not null)
        {
            kept.Add("date");
        }
        if (Source is not null)
        {
            kept.Add("source");
        }
        if (Authors.Count > 0)
        {
            kept.Add(Authors.Count == 1 ? "author" : $"{Authors.Count} authors");
        }
        if (Tags.Count > 0)
        {
            kept.Add(Tags.Count == 1 ? "1 tag" : $"{Tags.Count} tags");
        }
        return kept.Count switch
        {
            0 => null,
            1 => kept[0],
            _ => string.Join(", ", kept[..^1]) + " and " + kept[^1],
        };
    }
}
