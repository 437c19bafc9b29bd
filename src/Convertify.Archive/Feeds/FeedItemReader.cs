using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml;
using System.Xml.Linq;
using Convertify.Errors;

namespace Convertify.Archive.Feeds;

/// <summary>
/// Streams a feed's items in document order: one <see cref="XmlReader"/> pass that never expands entities or reads a DTD,
/// holding one item at a time. Channel-level elements met before an item update the defaults it inherits. XML faults
/// become <see cref="ArticleFormatException"/>s when <see cref="Next"/> reaches them.
/// </summary>
internal sealed class FeedItemReader : IDisposable
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly string _path;
    private readonly ReadOnlyMemory<byte> _content;
    private readonly XmlReader _reader;
    private readonly Stack<Uri?> _bases = new();
    private FeedChannel? _channel;
    private bool _done;

    public FeedItemReader(string path, ReadOnlyMemory<byte> content)
    {
        _path = path;
        _content = content;
        var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        _reader = XmlReader.Create(stream, Settings);
    }

    /// <summary>The next item, or null at the end of the feed.</summary>
    /// <exception cref="ArticleFormatException">The XML is malformed here, holds a DTD, or is not a feed.</exception>
    public FeedItem? Next()
    {
        if (_done)
        {
            return null;
        }
        try
        {
            if (_channel is null)
            {
                Start();
                if (_done)
                {
                    return null;
                }
            }
            return ReadToNextItem();
        }
        catch (XmlException e)
        {
            _done = true;
            throw Malformed(e);
        }
    }

    public void Dispose() => _reader.Dispose();

    private void Start()
    {
        _reader.MoveToContent();
        if (_reader.NodeType != XmlNodeType.Element)
        {
            throw new ArticleFormatException(_path, FormatProblem.InvalidHeader, "not an RSS, Atom or RDF feed (no root element)");
        }
        XNamespace ns = _reader.NamespaceURI;
        var dialect = (_reader.LocalName, ns) switch
        {
            ("rss", _) when ns == FeedNames.None => FeedDialect.Rss,
            ("feed", _) when ns == FeedNames.Atom => FeedDialect.Atom,
            ("RDF", _) when ns == FeedNames.Rdf => FeedDialect.Rdf,
            _ => throw new ArticleFormatException(_path, FormatProblem.InvalidHeader, $"not an RSS, Atom or RDF feed (root <{_reader.Name}>)"),
        };
        _channel = new FeedChannel(dialect, null, []);
        EnterContainer();
    }

    /// <summary>Steps inside the element the reader is on (the root, an RSS channel), tracking its <c>xml:base</c>.</summary>
    private void EnterContainer()
    {
        var outer = _bases.Count > 0 ? _bases.Peek() : null;
        _bases.Push(XmlBase.Combine(outer, _reader.GetAttribute("base", XNamespace.Xml.NamespaceName)));
        if (_reader.IsEmptyElement)
        {
            _bases.Pop();
        }
        _reader.Read();
        if (_bases.Count == 0)
        {
            Finish();
        }
    }

    private FeedItem? ReadToNextItem()
    {
        var channel = _channel!;
        while (!_done)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element when IsItem(channel.Dialect):
                    var element = (XElement)XNode.ReadFrom(_reader);
                    return new FeedItem(element, _channel!, _bases.Peek());
                case XmlNodeType.Element when channel.Dialect == FeedDialect.Rss && _reader.LocalName == "channel" && _reader.NamespaceURI.Length == 0:
                    EnterContainer();
                    break;
                case XmlNodeType.Element:
                    var child = (XElement)XNode.ReadFrom(_reader);
                    _channel = Learn(_channel!, child, _bases.Peek());
                    channel = _channel;
                    break;
                case XmlNodeType.EndElement:
                    _bases.Pop();
                    _reader.Read();
                    if (_bases.Count == 0)
                    {
                        Finish();
                    }
                    break;
                default:
                    if (!_reader.Read())
                    {
                        _done = true;
                    }
                    break;
            }
        }
        return null;
    }

    /// <summary>Reads past the root to the end, so a fault after it (a second root, junk) is still reported.</summary>
    private void Finish()
    {
        while (_reader.Read())
        {
        }
        _done = true;
    }

    private bool IsItem(FeedDialect dialect) => dialect switch
    {
        FeedDialect.Atom => _reader.LocalName == "entry" && _reader.NamespaceURI == FeedNames.Atom.NamespaceName,
        FeedDialect.Rdf => _reader.LocalName == "item" && _reader.NamespaceURI == FeedNames.Rss1.NamespaceName,
        _ => _reader.LocalName == "item" && _reader.NamespaceURI.Length == 0,
    };

    /// <summary>Takes what a channel-level element says that items inherit: the channel link, Atom feed authors.</summary>
    private static FeedChannel Learn(FeedChannel channel, XElement element, Uri? outer)
    {
        var native = FeedNames.Native(channel.Dialect);
        switch (channel.Dialect)
        {
            case FeedDialect.Rss when element.Name == native + "link" && channel.Link is null:
                return channel with { Link = XmlBase.Resolve(XmlBase.At(element, outer), element.Value) };
            case FeedDialect.Rdf when element.Name == native + "channel":
                var link = element.Element(native + "link");
                return link is null ? channel : channel with { Link = XmlBase.Resolve(XmlBase.At(link, outer), link.Value) };
            case FeedDialect.Atom when element.Name == native + "link" && channel.Link is null && FeedText.IsAlternate(element):
                return channel with { Link = XmlBase.Resolve(XmlBase.At(element, outer), element.Attribute("href")?.Value) };
            case FeedDialect.Atom when element.Name == native + "author":
                var name = FeedText.Plain(element.Element(native + "name")?.Value);
                return name.Length == 0 ? channel : channel with { Authors = channel.Authors.Add(name) };
            default:
                return channel;
        }
    }

    private ArticleFormatException Malformed(XmlException e)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber}, column {e.LinePosition}");
        if (_channel is null && FeedSniffer.DoctypeLine(_content.Span) is > 0 and var line)
        {
            return new ArticleFormatException(_path, FormatProblem.Malformed,
                string.Create(CultureInfo.InvariantCulture, $"the feed declares a DTD (<!DOCTYPE> at line {line}); DTDs are refused, so no entity is expanded"));
        }
        var reason = WithoutPosition(e.Message);
        // Broken before any root element (text such as an archive article's header read with --from rss): not a feed at all.
        return _channel is null
            ? new ArticleFormatException(_path, FormatProblem.InvalidHeader, $"not an RSS, Atom or RDF feed (no XML root element; {where}: {reason})")
            : new ArticleFormatException(_path, FormatProblem.Malformed, $"malformed XML at {where}: {reason}");
    }

    // XmlException messages end with " Line 12, position 5." — the position is already at the message's front.
    private static string WithoutPosition(string message)
    {
        var cut = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 && message.AsSpan(cut).Contains(", position ", StringComparison.Ordinal) ? message[..cut] : message).Trim().TrimEnd('.');
    }
}
