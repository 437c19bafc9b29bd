namespace Convertify.Batch;

/// <summary>
/// The articles a run takes, by id (<c>batch --select</c>: the rows an editor marked in a catalogue). The batch does not
/// read catalogues: the host reads the ids (e.g. with <c>Convertify.Excel.CatalogSelection</c>) and passes them here.
/// </summary>
public sealed class ArticleSelection
{
    private readonly HashSet<string> _ids;

    /// <summary>Creates the selection.</summary>
    /// <param name="source">Where the ids come from, as the user named it (the catalogue's path), for messages.</param>
    /// <param name="ids">The article ids (exact, ordinal); repeats are ignored, the order is kept.</param>
    public ArticleSelection(string source, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ids);
        Source = source;
        _ids = new HashSet<string>(StringComparer.Ordinal);
        Ids = [.. ids.Where(_ids.Add)];
    }

    /// <summary>Where the ids come from, as the user named it.</summary>
    public string Source { get; }

    /// <summary>The ids, each once, in the order given.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Whether the article with <paramref name="id"/> is selected.</summary>
    public bool Contains(string id) => _ids.Contains(id);
}
