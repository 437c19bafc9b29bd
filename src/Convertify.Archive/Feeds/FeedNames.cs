using System.Xml.Linq;

namespace Convertify.Archive.Feeds;

/// <summary>The XML namespaces of the feed formats and the modules items use.</summary>
internal static class FeedNames
{
    public static readonly XNamespace None = XNamespace.None;
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XName XmlBase = XNamespace.Xml + "base";

    /// <summary>The namespace of the format's own elements (title, link, item…).</summary>
    public static XNamespace Native(FeedDialect dialect) => dialect switch
    {
        FeedDialect.Atom => Atom,
        FeedDialect.Rdf => Rss1,
        _ => None,
    };
}
