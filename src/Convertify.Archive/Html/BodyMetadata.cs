using Convertify.Archive.Dates;

namespace Convertify.Archive.Html;

/// <summary>What the leading metadata lines of a body held.</summary>
internal sealed class BodyMetadata
{
    public BodyDate? Date { get; set; }

    public List<string> Authors { get; } = [];
}
