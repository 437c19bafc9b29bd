using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Convertify.Archive.Html;

/// <summary>
/// Parses a body HTML fragment as a browser would inside &lt;body&gt; (no scripting: &lt;noscript&gt; content is markup).
/// One instance per thread.
/// </summary>
internal sealed class FragmentParser
{
    private const string DocumentStart = "<!DOCTYPE html><html><head></head><body>";

    // Comments carry nothing the converter keeps, and nothing reads source positions: both would only cost time.
    // Nor does anything need the attribute observers, which tell every element of each of its attributes (class lists,
    // image and frame sources to load, a <base> changing the document's URL): the reader reads attributes as written.
    private readonly HtmlParser _parser = new(new HtmlParserOptions
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
    }, BrowsingContext.New(Configuration.Default.Without<IAttributeObserver>()));

    private const int KeptBufferLength = 1 << 20;

    private char[] _buffer = [];

    // The body element fragment parsing needs as its context: made when first needed (rarely; see ParseAsFragment).
    private IElement? _context;

    /// <summary>Parses; when the parser gives up on pathological markup, keeps the words without the structure.</summary>
    public IElement ParseLenient(string html, WarningLog warnings)
    {
        try
        {
            return Parse(html);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or IndexOutOfRangeException)
        {
            warnings.Add("html.malformed", "the HTML could not be parsed; its text was kept without structure");
            return Parse(System.Net.WebUtility.HtmlEncode(StripTags(html)));
        }
    }

    private static string StripTags(string html)
    {
        var builder = new System.Text.StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                builder.Append(' ');
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Returns an element holding the parsed fragment as its children.</summary>
    /// <remarks>
    /// The fragment is parsed as the body of a document: the same tree as AngleSharp's fragment parsing with a body
    /// context (content after a stray &lt;/body&gt; or &lt;/html&gt; goes back into the body either way), without that
    /// API's last step, which moves every top-level node into a new parent and walks its whole subtree to do it.
    /// </remarks>
    public IElement Parse(string html)
    {
        var document = _parser.ParseDocument(WithDocumentStart(html));
        if (document.Body is { LocalName: "body" } body)
        {
            // A stray <body> tag in the fragment lends its attributes to the body; a fragment's root has none.
            while (body.Attributes.Length > 0)
            {
                body.RemoveAttribute(body.Attributes[0]!.Name);
            }
            return body;
        }
        return ParseAsFragment(html);
    }

    /// <summary>
    /// <see cref="DocumentStart"/> and <paramref name="html"/> in this parser's own buffer, reused from one body to the next
    /// instead of a new string per body (a body's DOM is done with before this thread parses the next one).
    /// </summary>
    private ReadOnlyMemory<char> WithDocumentStart(string html)
    {
        var length = DocumentStart.Length + html.Length;
        var buffer = _buffer;
        if (buffer.Length < length)
        {
            buffer = new char[length];
            // Bodies up to a megabyte keep their buffer; a larger one has it to itself.
            if (length <= KeptBufferLength)
            {
                _buffer = buffer;
            }
        }
        DocumentStart.CopyTo(buffer);
        html.CopyTo(buffer.AsSpan(DocumentStart.Length));
        return buffer.AsMemory(0, length);
    }

    /// <summary>AngleSharp's fragment parsing, for what a document cannot hold as a body (a fragment that opens with a frameset).</summary>
    private IElement ParseAsFragment(string html)
    {
        _context ??= _parser.ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!;
        var nodes = _parser.ParseFragment(html, _context);
        if (nodes.Length > 0 && nodes[0].Parent is IElement root)
        {
            return root;
        }
        var holder = _context.Owner!.CreateElement("body");
        foreach (var node in nodes.ToArray())
        {
            holder.AppendChild(node);
        }
        return holder;
    }
}
