namespace Convertify.Excel;

/// <summary>Everything a catalogue holds, as compact rows in input order.</summary>
internal sealed class CatalogRows
{
    public List<ArticleRow> Articles { get; } = [];
    public List<ImageRow> Images { get; } = [];
    public List<LinkRow> Links { get; } = [];
    public List<ProblemRow> Problems { get; } = [];
}
