namespace Convertify.Word;

/// <summary>Style ids of the document's style sheet (<c>word/styles.xml</c>).</summary>
internal static class StyleIds
{
    public const string Normal = "Normal";
    public const string BodyText = "BodyText";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Metadata = "ArticleMetadata";
    public const string Caption = "Caption";
    public const string Quote = "Quote";
    public const string ListParagraph = "ListParagraph";
    public const string Figure = "Figure";
    public const string Separator = "Separator";
    public const string Hyperlink = "Hyperlink";
    public const string Table = "ArticleTable";
    public const string TableText = "TableText";

    /// <summary>Heading style for a level 1–3.</summary>
    public static string Heading(int level) => level switch
    {
        <= 1 => "Heading1",
        2 => "Heading2",
        _ => "Heading3",
    };
}
