namespace Convertify.Markdown;

/// <summary>Options of the Markdown writer.</summary>
/// <param name="FrontMatter">Write YAML front matter (title, date, source, …) between <c>---</c> lines. On by default.</param>
/// <param name="TitleHeading">
/// Start the body with the title as a level-1 heading. <c>null</c> (the default) means: only when
/// <paramref name="FrontMatter"/> is off, so the title is never lost and never shown twice by Hugo or Jekyll.
/// </param>
/// <param name="RelatedLinks">Append the article's related links (links that carried no text) as a list at the end. On by default.</param>
public sealed record MarkdownWriterOptions(bool FrontMatter = true, bool? TitleHeading = null, bool RelatedLinks = true)
{
    /// <summary>The defaults: front matter, no title heading, related links.</summary>
    public static MarkdownWriterOptions Default { get; } = new();

    /// <summary>Whether the title heading is written, resolving the <c>null</c> default.</summary>
    public bool WritesTitleHeading => TitleHeading ?? !FrontMatter;
}
