using Convertify.Archive.Dates;
using Convertify.Model;

namespace Convertify.Archive.Html;

/// <summary>What the leading metadata lines of a body, and a site's info box, held.</summary>
internal sealed class BodyMetadata
{
    public BodyDate? Date { get; set; }

    public List<string> Authors { get; } = [];

    /// <summary>The publication day a site's info box states.</summary>
    public BodyDate? InfoBoxDate { get; set; }

    public OriginalSource? OriginalSource { get; set; }

    public List<string> Tags { get; } = [];
}
