using System.Xml.Linq;

namespace Convertify.Excel;

/// <summary>A relationships part EPPlus saved, cut open before its end so that more relationships can be streamed in.</summary>
internal sealed class RelationshipsTemplate
{
    private const string Marker = "convertify:relationships";
    private const string XmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    private static readonly XNamespace Package = "http://schemas.openxmlformats.org/package/2006/relationships";

    private RelationshipsTemplate(string before, string after, IReadOnlyList<string> ids)
    {
        Before = before;
        After = after;
        Ids = ids;
    }

    /// <summary>Everything up to and including the existing relationships.</summary>
    public string Before { get; }

    /// <summary>The end of the part.</summary>
    public string After { get; }

    /// <summary>The ids the part already uses.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Reads a saved part, or starts an empty one when <paramref name="part"/> is null.</summary>
    public static RelationshipsTemplate Read(Stream? part)
    {
        var root = part is null ? new XElement(Package + "Relationships") : XDocument.Load(part).Root
            ?? throw new InvalidOperationException("the relationships part has no root element");
        var ids = root.Elements().Select(e => (string?)e.Attribute("Id")).OfType<string>().ToList();
        root.Add(new XComment(Marker));
        var text = XmlDeclaration + root.ToString(SaveOptions.DisableFormatting);
        var at = text.IndexOf("<!--" + Marker + "-->", StringComparison.Ordinal);
        return new RelationshipsTemplate(text[..at], text[(at + Marker.Length + 7)..], ids);
    }
}
