namespace Convertify.Word;

/// <summary>The relationships of <c>word/document.xml</c>: fixed ids for the static parts, then hyperlinks and images in order of first use.</summary>
internal sealed class PartRelationships
{
    public const string StylesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    public const string NumberingType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering";
    public const string SettingsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
    public const string FontTableType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
    public const string HeaderType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
    public const string FooterType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
    public const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    public const string ImageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

    private readonly List<Relationship> _all =
    [
        new("rId1", StylesType, "styles.xml", false),
        new("rId2", NumberingType, "numbering.xml", false),
        new("rId3", SettingsType, "settings.xml", false),
        new("rId4", FontTableType, "fontTable.xml", false),
        new(FooterId, FooterType, "footer1.xml", false),
    ];

    /// <summary>Id of the page-number footer.</summary>
    public const string FooterId = "rId5";
    private readonly Dictionary<string, string> _hyperlinks = new(StringComparer.Ordinal);

    /// <summary>One relationship.</summary>
    internal sealed record Relationship(string Id, string Type, string Target, bool External);

    /// <summary>Every relationship, in id order.</summary>
    public IReadOnlyList<Relationship> All => _all;

    /// <summary>The id of an external hyperlink to <paramref name="uri"/>, shared by every link to the same target.</summary>
    public string Hyperlink(string uri)
    {
        if (!_hyperlinks.TryGetValue(uri, out var id))
        {
            id = Next();
            _all.Add(new Relationship(id, HyperlinkType, uri, true));
            _hyperlinks.Add(uri, id);
        }
        return id;
    }

    /// <summary>The id of a new relationship to a part (relative to <c>word/</c>) of type <paramref name="type"/>.</summary>
    public string Part(string type, string target)
    {
        var id = Next();
        _all.Add(new Relationship(id, type, target, false));
        return id;
    }

    /// <summary>The id of a new image relationship to <paramref name="target"/> (relative to <c>word/</c>).</summary>
    public string Image(string target)
    {
        var id = Next();
        _all.Add(new Relationship(id, ImageType, target, false));
        return id;
    }

    private string Next() => "rId" + (_all.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
