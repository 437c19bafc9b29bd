namespace Convertify.Excel;

/// <summary>Header names of the Articles sheet; the merger finds columns by these names.</summary>
internal static class ArticleColumns
{
    /// <summary>The editor's mark (<c>x</c>) on the articles to take (<see cref="CatalogSelection"/>); first, so it is seen.</summary>
    public const string Select = "select";
    public const string Id = "id";
    public const string Site = "site";
    public const string Source = "source";
    public const string Title = "title";
    public const string Url = "url";
    public const string Published = "published";
    public const string Zone = "zone";
    public const string DateSource = "date_source";
    public const string FeedTime = "feed_time_utc";
    public const string Author = "author";
    public const string OriginalSource = "original_source";
    public const string Tags = "tags";
    public const string Language = "language";
    public const string Characters = "characters";
    public const string Paragraphs = "paragraphs";
    public const string Images = "images";
    public const string Links = "links";
    public const string LeadImage = "lead_image";
    public const string Description = "description";
    public const string ContentHash = "content_hash";
    public const string DuplicateOf = "duplicate_of";
    public const string Warnings = "warnings";
    public const string Markdown = "markdown";
    public const string Word = "word";

    public static readonly string[] Base =
    [
        Select, Id, Site, Source, Title, Url, Published, Zone, DateSource, FeedTime, Author, OriginalSource, Tags, Language, Characters,
        Paragraphs, Images, Links, LeadImage, Description, ContentHash, DuplicateOf, Warnings,
    ];

    public static readonly ColumnKind[] BaseKinds =
    [
        ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Link, ColumnKind.Address, ColumnKind.DateTime, ColumnKind.Text,
        ColumnKind.Text, ColumnKind.DateTime, ColumnKind.Text, ColumnKind.Link, ColumnKind.Text, ColumnKind.Text, ColumnKind.Number, ColumnKind.Number,
        ColumnKind.Number, ColumnKind.Number, ColumnKind.Address, ColumnKind.Text, ColumnKind.Text, ColumnKind.Text, ColumnKind.Number,
    ];
}
